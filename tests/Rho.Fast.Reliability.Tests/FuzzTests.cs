using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using Rho.Fast.Synthetic;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// Mutated session files read in all three recovery modes: only a result or a
/// <see cref="SessionFormatException"/> pointing inside the input, no hang, bounded memory, and
/// every promise of <see cref="ReadOracle"/>. A failing input is saved under <c>Regressions/</c>.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public void Mutated_session_files_read_to_a_result_or_a_located_format_error_in_every_mode()
    {
        int cases = LongRun.Pick(4_000, 100_000);
        ulong seed = LongRun.Seed;
        byte[][] seeds = SeedFiles(seed);
        using var scratch = new ScratchDirectory();
        const int Lanes = 2;
        var failures = new List<string>();
        int done = 0;
        int read = 0, torn = 0, strict = 0, salvaged = 0;
        var started = new long[Lanes];
        var current = new byte[]?[Lanes];
        var watch = Stopwatch.StartNew();

        var threads = Enumerable.Range(0, Lanes).Select(lane => new Thread(() =>
        {
            for (int i = lane; i < cases; i += Lanes)
            {
                lock (failures)
                {
                    if (failures.Count >= 5)
                    {
                        return;
                    }
                }

                // Each case has its own generator, so any case replays from the run's seed and its number.
                var random = new Random(unchecked((int)((seed ^ (ulong)i * 0x9E3779B97F4A7C15UL) >> 16)));
                byte[] input = Mutator.Mutate(seeds[random.Next(seeds.Length)], random, out string description);
                Volatile.Write(ref current[lane], input);
                Volatile.Write(ref started[lane], Stopwatch.GetTimestamp());
                try
                {
                    // The file-level checks write files; do them for one case in eight.
                    OracleOutcome outcome = ReadOracle.Check(input, i % 8 == 0 ? scratch.Path : null);
                    Interlocked.Add(ref read, outcome.Read ? 1 : 0);
                    Interlocked.Add(ref torn, outcome.TornTail ? 1 : 0);
                    Interlocked.Add(ref strict, outcome.StrictRead ? 1 : 0);
                    Interlocked.Add(ref salvaged, outcome.Salvaged ? 1 : 0);
                }
                catch (OracleViolation e)
                {
                    string saved = SaveRegression(input);
                    lock (failures)
                    {
                        failures.Add("case " + i + " (" + description + "), saved as " + saved + ": " + e.Message + (e.InnerException is { } inner ? "\n" + inner : ""));
                    }
                }

                Volatile.Write(ref started[lane], 0);
                Interlocked.Increment(ref done);
            }
        })
        { IsBackground = true, Name = "fuzz lane " + lane }).ToList();
        threads.ForEach(t => t.Start());

        while (threads.Any(t => t.IsAlive))
        {
            Thread.Sleep(50);
            for (int lane = 0; lane < Lanes; lane++)
            {
                long start = Volatile.Read(ref started[lane]);
                if (start != 0 && Stopwatch.GetElapsedTime(start) > CaseTimeout && current[lane] is { } stuck)
                {
                    string saved = SaveRegression(stuck);
                    Assert.Fail("a read took longer than " + CaseTimeout + " (saved as " + saved + ")");
                }
            }
        }

        RunSummary.Write(output, string.Format(
            CultureInfo.InvariantCulture,
            "fuzz: {0} mutated files x 3 recovery modes (+ for 1 in 8 as a file: entries, listing, repair and salvage) in {1:F1} s, {2} failures; default mode read {3} ({4} with a torn tail ignored) and refused {5} with a located error, strict read {6}, salvage skipped or recovered lines in {7}; seed {8}",
            done, watch.Elapsed.TotalSeconds, failures.Count, read, torn, done - read, strict, salvaged, seed));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.Equal(cases, done);

        // The mutations must reach both sides of every rule, or the run proved little.
        Assert.True(read > cases / 10 && done - read > cases / 10 && torn > cases / 50 && salvaged > cases / 10, "the mutations did not exercise every outcome");
    }

    /// <summary>Valid files to mutate: generated, and the awkward and realistic vectors, each cut to a few dozen lines.</summary>
    internal static byte[][] SeedFiles(ulong seed)
    {
        string vectors = RepoPaths.Vectors;
        using var scratch = new ScratchDirectory();
        string generated = scratch.Combine("generated.jsonl");
        SyntheticSession.WriteFile(generated, 12, seed);
        return
        [
            File.ReadAllBytes(generated),
            FirstLines(Path.Combine(vectors, "nasty-500.jsonl"), 30),
            FirstLines(Path.Combine(vectors, "realistic-1k.jsonl"), 10),
            SessionGen.File(
            [
                Message.SystemText("be terse"),
                Message.UserText("list the files"),
                new Message.Assistant([new ContentBlock.Text("looking"), new ContentBlock.ToolCall(new ToolInvocation("c1", "bash", Serialization.RawJson.Parse("{\"command\":\"ls -la\",\"n\":[1,2.5e3,{\"deep\":[[[]]]}]}")))]),
                Message.ToolResultFor("c1", true, "a.txt\nb.txt\n"),
                new Message.Assistant([new ContentBlock.ToolCall(new ToolInvocation("c2", "read_file", Serialization.RawJson.Parse("{\"path\":\"a.txt\"}"))), new ContentBlock.ToolCall(new ToolInvocation("c3", "read_file", Serialization.RawJson.Parse("{\"path\":\"b.txt\"}")))]),
                Message.ToolResultFor("c2", true, "ä\t\"quoted\"\u0001"),
                Message.ToolResultFor("c3", false, "no such file 😀"),
                Message.AssistantText("done"),
            ]),
        ];
    }

    private static byte[] FirstLines(string path, int lines)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int end = 0;
        for (int i = 0; i < lines && end < bytes.Length; i++)
        {
            int newline = Array.IndexOf(bytes, (byte)'\n', end);
            end = newline < 0 ? bytes.Length : newline + 1;
        }

        return bytes[..end];
    }

    internal static string SaveRegression(byte[] input)
    {
        string name = "fuzz-" + Convert.ToHexStringLower(SHA256.HashData(input))[..12] + ".jsonl";
        Directory.CreateDirectory(RepoPaths.Regressions);
        string path = Path.Combine(RepoPaths.Regressions, name);
        File.WriteAllBytes(path, input);
        return path;
    }
}

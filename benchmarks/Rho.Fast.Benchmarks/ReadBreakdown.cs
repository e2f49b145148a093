using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text.Unicode;
using System.Threading.Tasks;
using Rho.Fast.Benchmarks.Peers;
using Rho.Fast.Serialization;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Where the time of a repaired read goes: the read's layers timed separately on the same corpus
/// (line splitting, UTF-8 validation, the token pass, string materialization, entry parsing with
/// and without keeping the results, a model that keeps text as UTF-8, the whole read), with GC
/// pause time and allocations for each.
/// Stages run round-robin and the median is reported, so load from other processes on a shared
/// machine hits every stage alike.
/// </summary>
public static class ReadBreakdown
{
    private static readonly (string Name, Func<string, Task<long>> Run)[] Stages =
    [
        ("split lines (I/O + memchr)", path => Task.FromResult(Visit(path, new NoOp()))),
        ("split + UTF-8 validation", path => Task.FromResult(Visit(path, new Validate()))),
        ("token pass (the limit)", path => Task.FromResult(TokenPass.Tokens(path))),
        ("token pass + GetString", path => Task.FromResult(TokenPass.TokensAndStrings(path))),
        ("token pass + GetString, kept", path => Task.FromResult(TokenPass.TokensAndStringsKept(path))),
        ("split + Wire.Deserialize, discarded", path => Task.FromResult(Visit(path, new Parse(null)))),
        ("split + Wire.Deserialize, kept", path => Task.FromResult(Visit(path, new Parse([])))),
        ("UTF-8 text prototype, kept", path => Task.FromResult(Utf8TextPrototype.Read(path))),
        ("RhoFast StreamMessages, discarded", async path => await RhoFastReads.StreamMessagesAsync(path)),
        ("RhoFast ReadMessagesAsync", async path => await RhoFastReads.ReadMessagesAsync(path)),
        ("STJ source-gen, pipe", async path => (await StjStreamingReader.ReadFromPipeAsync(path)).Count),
        ("STJ source-gen, per line", path => Task.FromResult<long>(StjPerLineReader.Read(path).Count)),
    ];

    /// <summary>
    /// Runs the breakdown on the corpus of <paramref name="megabytes"/> MB and prints a table: 5
    /// rounds at 100 MB and more, up to 100 on small corpora, whose single reads are short enough
    /// for one slow moment of the host to decide a median of five.
    /// </summary>
    public static async Task RunAsync(int megabytes)
    {
        string path = Corpus.File(megabytes);
        var stages = new List<Stage>(Stages.Length);
        foreach ((string name, Func<string, Task<long>> run) in Stages)
        {
            stages.Add(new Stage(name, path, run));
        }

        await RunStagesAsync(stages, megabytes, limitStage: 2);
    }

    /// <summary>One timed step: a name, the file it reads and how.</summary>
    internal sealed record Stage(string Name, string Path, Func<string, Task<long>> Run);

    /// <summary>
    /// Runs <paramref name="stages"/> round-robin and prints a table of medians, with throughput per
    /// byte of each stage's own file and the time relative to stage <paramref name="limitStage"/>.
    /// </summary>
    internal static async Task RunStagesAsync(List<Stage> stages, int megabytes, int limitStage)
    {
        int rounds = Math.Clamp(500 / Math.Max(megabytes, 1), 5, 100);
        var times = new List<double>[stages.Count];
        var pauses = new List<double>[stages.Count];
        var allocations = new long[stages.Count];
        var collections = new int[stages.Count, 3];
        for (int s = 0; s < stages.Count; s++)
        {
            times[s] = [];
            pauses[s] = [];
            await WarmUpAsync(stages[s].Run, stages[s].Path);
        }

        for (int round = 0; round < rounds; round++)
        {
            for (int s = 0; s < stages.Count; s++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                TimeSpan pause = GC.GetTotalPauseDuration();
                long allocated = GC.GetTotalAllocatedBytes(precise: true);
                int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
                long start = Stopwatch.GetTimestamp();
                await stages[s].Run(stages[s].Path);
                times[s].Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                pauses[s].Add((GC.GetTotalPauseDuration() - pause).TotalSeconds);
                allocations[s] = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                collections[s, 0] = GC.CollectionCount(0) - g0;
                collections[s, 1] = GC.CollectionCount(1) - g1;
                collections[s, 2] = GC.CollectionCount(2) - g2;
            }
        }

        double limit = Median(times[limitStage]);
        var files = new List<string>();
        foreach (Stage stage in stages)
        {
            if (!files.Contains(stage.Path))
            {
                files.Add(stage.Path);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Corpus: {stage.Path} ({new System.IO.FileInfo(stage.Path).Length:N0} bytes)"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds, medians; ratios against \"{stages[limitStage].Name}\""));
        Console.WriteLine("| Stage | Time | MB/s | ns/B | vs limit | GC pause | Allocated | GCs (0/1/2) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (int s = 0; s < stages.Count; s++)
        {
            double t = Median(times[s]);
            long bytes = new System.IO.FileInfo(stages[s].Path).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {stages[s].Name} | {Milliseconds(t)} ms | {bytes / t / 1e6:0} | {t * 1e9 / bytes:0.00} | {limit / t:0.00}× | {Median(pauses[s]) * 1000:0} ms | {allocations[s] / 1048576.0:0} MiB | {collections[s, 0]}/{collections[s, 1]}/{collections[s, 2]} |"));
        }
    }

    /// <summary>
    /// Runs a stage until its code is optimized: on a small corpus one call is not enough, as the
    /// runtime only recompiles a method at full optimization after it has been called 30 times.
    /// </summary>
    private static async Task WarmUpAsync(Func<string, Task<long>> run, string path)
    {
        long start = Stopwatch.GetTimestamp();
        for (int calls = 0; calls < 200 && (calls < 2 || Stopwatch.GetElapsedTime(start).TotalSeconds < 1); calls++)
        {
            await run(path);
        }
    }

    internal static long Visit<TVisitor>(string path, TVisitor visitor) where TVisitor : struct, ILineVisitor, ICounted
    {
        JsonlLines.ForEach(path, ref visitor);
        return visitor.Count;
    }

    private static string Milliseconds(double seconds) =>
        (seconds * 1000).ToString(seconds < 0.01 ? "0.00" : "0", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = new List<double>(values);
        sorted.Sort();
        return sorted[sorted.Count / 2];
    }

    internal interface ICounted
    {
        long Count { get; }
    }

    private struct NoOp : ILineVisitor, ICounted
    {
        public long Count { get; private set; }

        public void Line(ReadOnlyMemory<byte> line) => Count++;
    }

    private struct Validate : ILineVisitor, ICounted
    {
        public long Count { get; private set; }

        public void Line(ReadOnlyMemory<byte> line) => Count += Utf8.IsValid(line.Span) ? 1 : 0;
    }

    internal struct Parse(List<SessionEntry>? kept) : ILineVisitor, ICounted
    {
        public long Count { get; private set; }

        public void Line(ReadOnlyMemory<byte> line)
        {
            SessionEntry entry = Wire.Deserialize<SessionEntry>(line.Span);
            kept?.Add(entry);
            Count++;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Rho.Fast.Tests;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// <see cref="Serialization.WireReader"/> against <see cref="System.Text.Json.Utf8JsonReader"/> with
/// serde_json's rules layered on (<see cref="JsonTokenOracle"/>): on every line of the fuzz seeds, on
/// mutated lines and files, and on random JSON with awkward strings and random whitespace, the same
/// accept or reject decision and the same tokens, positions, depths and unescaped text.
/// </summary>
public sealed class WireReaderDifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_lines_mutated_lines_and_random_json_read_the_same_with_both_readers()
    {
        ulong seed = LongRun.Seed;
        int cases = LongRun.Pick(30_000, 1_000_000);
        byte[][] files = FuzzTests.SeedFiles(seed);
        var lines = new List<byte[]>();
        foreach (byte[] file in files)
        {
            lines.AddRange(Lines(file));
        }

        // Every line of every vector too: the edge cases serde_json's own tests were written for.
        foreach (string vector in System.IO.Directory.EnumerateFiles(RepoPaths.Vectors, "*.jsonl", System.IO.SearchOption.AllDirectories))
        {
            lines.AddRange(Lines(System.IO.File.ReadAllBytes(vector)));
        }

        var failures = new List<string>();
        int accepted = 0, total = 0;
        void Check(byte[] input, string what)
        {
            total++;
            string? difference = JsonTokenOracle.Disagreement(input);
            if (difference is not null && failures.Count < 5)
            {
                failures.Add(what + ": " + difference + "\n  input: " + Convert.ToBase64String(input));
            }

            accepted += difference is null && JsonTokenOracle.Ours(input, out _) is not null ? 1 : 0;
        }

        foreach (byte[] line in lines)
        {
            Check(line, "seed line");
        }

        for (int i = 0; i < cases && failures.Count < 5; i++)
        {
            var random = new Random(unchecked((int)((seed ^ (ulong)i * 0x9E3779B97F4A7C15UL) >> 16)));
            switch (i % 4)
            {
                case 0:
                    // A mutated line, and each line the mutation left (it may add or remove line breaks).
                    byte[] mutated = Mutator.Mutate(lines[random.Next(lines.Count)], random, out string description);
                    Check(mutated, "case " + i + " (" + description + ")");
                    foreach (byte[] part in Lines(mutated))
                    {
                        Check(part, "case " + i + " (" + description + "), a line of it");
                    }

                    break;
                case 1:
                    Check(Mutator.Mutate(files[random.Next(files.Length)], random, out string fileDescription), "case " + i + " (a whole file, " + fileDescription + ")");
                    break;
                case 2:
                    Check(Encoding.UTF8.GetBytes(RandomJson(random, 0)), "case " + i + " (random JSON)");
                    break;
                default:
                    Check(Noise(random), "case " + i + " (JSON-shaped noise)");
                    break;
            }
        }

        RunSummary.Write(output, string.Format(CultureInfo.InvariantCulture,
            "differential: {0} inputs ({1} seed lines), {2} accepted by both, {3} failures; seed {4}", total, lines.Count, accepted, failures.Count, seed));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(accepted > total / 5 && total - accepted > total / 5, "the inputs did not reach both decisions often enough");
    }

    private static List<byte[]> Lines(byte[] file)
    {
        var lines = new List<byte[]>();
        int start = 0;
        while (start < file.Length)
        {
            int newline = Array.IndexOf(file, (byte)'\n', start);
            int end = newline < 0 ? file.Length : newline;
            int trimmed = end > start && file[end - 1] == (byte)'\r' ? end - 1 : end;
            lines.Add(file[start..trimmed]);
            start = end + 1;
        }

        return lines;
    }

    private static readonly string[] Whitespace = ["", "", "", " ", "\t", "\n", "\r\n", "  "];

    private static readonly string[] StringPieces =
    [
        "a", "plain text ", "é", "日本", "😀", "\\n", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\t", "\\u0041", "\\u00e9", "\\uD83D\\uDE00",
        "\\ud800", "\\udc00", "\\u00", "\\x", "\t", "\u0001", "\u007f", "\u2028", "\"", "\\",
    ];

    /// <summary>Mostly valid JSON with strings of every length and escape, so both decisions come up.</summary>
    private static string RandomJson(Random random, int depth)
    {
        string ws = Whitespace[random.Next(Whitespace.Length)];
        int kind = depth > 140 ? random.Next(4) : random.Next(depth < 3 ? 7 : 6);
        switch (kind)
        {
            case 0:
                return ws + RandomString(random) + ws;
            case 1:
                return ws + RandomNumber(random) + ws;
            case 2:
                return ws + (random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" }) + ws;
            case 3:
                return ws + (random.Next(20) == 0 ? "tru" : "[]");
            case 4:
            {
                var array = new StringBuilder(ws + "[");
                int count = random.Next(depth > 100 ? 2 : 5);
                for (int i = 0; i < count; i++)
                {
                    array.Append(i > 0 ? "," : "").Append(RandomJson(random, depth + 1));
                }

                return array.Append(random.Next(50) == 0 ? ",]" : "]").Append(ws).ToString();
            }

            default:
            {
                var obj = new StringBuilder(ws + "{");
                int count = random.Next(depth > 100 ? 2 : 5);
                for (int i = 0; i < count; i++)
                {
                    obj.Append(i > 0 ? "," : "").Append(ws).Append(RandomString(random)).Append(ws).Append(':').Append(RandomJson(random, depth + 1));
                }

                return obj.Append('}').Append(ws).ToString();
            }
        }
    }

    private static string RandomString(Random random)
    {
        var text = new StringBuilder("\"");
        int pieces = random.Next(4) == 0 ? random.Next(200) : random.Next(8);
        for (int i = 0; i < pieces; i++)
        {
            // Invalid pieces rarely, so most strings stay valid.
            string piece = StringPieces[random.Next(StringPieces.Length)];
            if ((piece is "\\ud800" or "\\udc00" or "\\u00" or "\\x" or "\t" or "\u0001" or "\"" or "\\") && random.Next(30) != 0)
            {
                piece = "z";
            }

            text.Append(piece);
        }

        return text.Append('"').ToString();
    }

    private static string RandomNumber(Random random)
    {
        string[] forms = ["0", "-0", "7", "-12", "3.25", "1e5", "1E-5", "6.02e+23", "1e400", "123456789012345678901234567890", "01", "1.", "-", ".5", "1e", "2.5e"];
        int index = random.Next(15) == 0 ? random.Next(forms.Length) : random.Next(10);
        return forms[index];
    }

    /// <summary>Random bytes over JSON's alphabet, short enough to be valid now and then.</summary>
    private static byte[] Noise(Random random)
    {
        const string Alphabet = "{}[]\":,\\ \t\n\r0123456789-+.eEtrufalsn\"\"ab";
        int length = random.Next(1, 24);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = random.Next(40) == 0 ? (byte)random.Next(256) : (byte)Alphabet[random.Next(Alphabet.Length)];
        }

        return bytes;
    }
}

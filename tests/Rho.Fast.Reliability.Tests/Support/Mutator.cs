using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// Damages valid session files the ways disks, crashes and careless tools do: bit flips, inserted
/// and deleted bytes, duplicated, swapped and dropped lines, NUL runs, invalid UTF-8, BOMs and CRs
/// in odd places, nesting up to and past the depth limit, torn ends, and lines glued together.
/// </summary>
internal static class Mutator
{
    private static readonly byte[][] Tokens =
    [
        "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(),
        "\""u8.ToArray(), "\\"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(), "null"u8.ToArray(), "1e400"u8.ToArray(), "-"u8.ToArray(),
        "\\ud800"u8.ToArray(), "\\udc00\\ud800"u8.ToArray(), "\\u0000"u8.ToArray(), "\\uZZZZ"u8.ToArray(),
        [0xEF, 0xBB, 0xBF], [0xC2, 0xA0], [0xE2, 0x80, 0xA8], [0xC2, 0x85], [0x0B], [0x0C],
        "{\"type\":"u8.ToArray(), "\"type\":\"message\","u8.ToArray(), "\"type\":\"session\","u8.ToArray(), "\"timestamp\":\"1\","u8.ToArray(),
        "{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"System\":\"glued\"}}"u8.ToArray(),
        "{\"ToolResult\":[\"x\",true,\"y\"]}"u8.ToArray(),
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0x80], [0xBF], [0xC0, 0xAF], [0xC3, 0x28], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0xF0, 0x9F, 0x98], [0xE2, 0x82],
    ];

    /// <summary>Applies one to four random mutations to a copy of <paramref name="file"/>.</summary>
    public static byte[] Mutate(byte[] file, Random random, out string description)
    {
        var bytes = new List<byte>(file);
        var applied = new List<string>();
        int count = 1 + random.Next(random.Next(4) == 0 ? 4 : 2);
        for (int i = 0; i < count; i++)
        {
            applied.Add(MutateOnce(bytes, random));
        }

        description = string.Join(", ", applied);
        return bytes.ToArray();
    }

    private static string MutateOnce(List<byte> bytes, Random random)
    {
        int at = random.Next(bytes.Count + 1);
        switch (random.Next(17))
        {
            case 0:
            {
                int flips = 1 + random.Next(8);
                for (int i = 0; i < flips && bytes.Count > 0; i++)
                {
                    int index = random.Next(bytes.Count);
                    bytes[index] ^= (byte)(1 << random.Next(8));
                }

                return flips + " bit flips";
            }

            case 1:
            {
                byte[] token = Tokens[random.Next(Tokens.Length)];
                bytes.InsertRange(at, token);
                return "inserted " + Show(token) + " at " + at;
            }

            case 2:
            {
                int length = Math.Min(bytes.Count - Math.Min(at, bytes.Count), 1 + random.Next(random.Next(4) == 0 ? 400 : 8));
                if (at < bytes.Count)
                {
                    bytes.RemoveRange(at, length);
                }

                return "deleted " + length + " bytes at " + at;
            }

            case 3:
            {
                byte value = (byte)random.Next(256);
                bytes.Insert(at, value);
                return "inserted byte " + value + " at " + at;
            }

            case 4:
                return EditLines(bytes, random, "duplicated", (lines, i) => lines.Insert(i, lines[i]));

            case 5:
                return EditLines(bytes, random, "swapped", (lines, i) =>
                {
                    int j = random.Next(lines.Count);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                });

            case 6:
                return EditLines(bytes, random, "dropped", (lines, i) => lines.RemoveAt(i));

            case 7:
            {
                int length = random.Next(4) switch
                {
                    0 => 1,
                    1 => 1 + random.Next(16),
                    2 => 1 + random.Next(512),
                    _ => 4096,
                };
                if (random.Next(2) == 0)
                {
                    bytes.InsertRange(at, new byte[length]);
                    return "inserted " + length + " NULs at " + at;
                }

                // Overwrite, as a crash on ext4 leaves a block of zeros where an append was.
                for (int i = at; i < Math.Min(bytes.Count, at + length); i++)
                {
                    bytes[i] = 0;
                }

                return "zeroed " + length + " bytes at " + at;
            }

            case 8:
            {
                byte[] invalid = InvalidUtf8[random.Next(InvalidUtf8.Length)];
                bytes.InsertRange(at, invalid);
                return "inserted invalid UTF-8 " + Show(invalid) + " at " + at;
            }

            case 9:
            {
                int depth = random.Next(5) switch
                {
                    0 => random.Next(1, 120),
                    1 or 2 => random.Next(118, 135),
                    3 => random.Next(135, 2000),
                    _ => 100_000,
                };
                bool closed = random.Next(5) != 0;
                byte[] line = Nested(depth, closed, random.Next(2) == 0);
                EditLines(bytes, random, "", (lines, i) => lines.Insert(i, line));
                return "a line nested " + depth + " deep" + (closed ? "" : ", unclosed");
            }

            case 10:
            {
                int cut = random.Next(bytes.Count + 1);
                bytes.RemoveRange(cut, bytes.Count - cut);
                return "cut at " + cut;
            }

            case 11:
                return EditLines(bytes, random, "glued to the next", (lines, i) =>
                {
                    if (i + 1 < lines.Count)
                    {
                        // A torn line with the next append behind it, as the reference leaves it.
                        byte[] torn = lines[i][..random.Next(lines[i].Length + 1)];
                        lines[i] = [.. torn, .. lines[i + 1]];
                        lines.RemoveAt(i + 1);
                    }
                });

            case 12:
                return EditLines(bytes, random, "CRLF on", (lines, i) => lines[i] = [.. lines[i], (byte)'\r']);

            case 13:
            {
                // Blank lines Rust skips and lines it does not: whitespace of every kind.
                byte[][] blanks = ["\u00a0"u8.ToArray(), "\u3000 \t"u8.ToArray(), "\u2028"u8.ToArray(), "\u0085"u8.ToArray(), [0x0B, 0x0C], "\ufeff"u8.ToArray(), [0x1C], "  "u8.ToArray()];
                byte[] blank = blanks[random.Next(blanks.Length)];
                return EditLines(bytes, random, "blank-ish " + Show(blank) + " line before", (lines, i) => lines.Insert(i, blank));
            }

            case 14:
            {
                // A string value made huge: a long line, still under the cap.
                int length = 1 << random.Next(10, 18);
                byte[] filler = Encoding.UTF8.GetBytes(new string('é', length / 2));
                int quote = bytes.IndexOf((byte)'"', Math.Min(at, Math.Max(0, bytes.Count - 1)));
                if (quote >= 0)
                {
                    bytes.InsertRange(quote + 1, filler);
                }

                return "inserted " + filler.Length + " bytes into a string";
            }

            case 15:
            {
                // A newer writer's complete entry (an entry type or a message kind this version does
                // not know), sometimes with a torn tail after it: the entry must never be cut.
                byte[][] newer =
                [
                    "{\"type\":\"snapshot_delta\",\"timestamp\":\"5\",\"delta\":{\"base_revision\":1,\"revision\":2,\"appended_history\":[]}}"u8.ToArray(),
                    "{\"type\":\"set_leaf\",\"timestamp\":\"6\",\"leaf_id\":\"n2\"}"u8.ToArray(),
                    "{\"type\":\"message\",\"timestamp\":\"7\",\"message\":{\"EnrichedAssistant\":{\"content\":[{\"Text\":\"hi\"}]}}}"u8.ToArray(),
                    "{\"type\":\"message\",\"timestamp\":\"8\",\"message\":{\"User\":[{\"Image\":{\"data\":\"AA==\",\"mime_type\":\"image/png\"}}]}}"u8.ToArray(),
                ];
                byte[] entry = newer[random.Next(newer.Length)];
                bool tornAfter = random.Next(2) == 0;
                string what = EditLines(bytes, random, "newer entry " + Show(entry) + " before", (lines, i) => lines.Insert(i, entry));
                if (tornAfter)
                {
                    byte[] tail = entry[..random.Next(1, entry.Length - 1)];
                    bytes.AddRange(tail);
                    what += ", then a torn tail of " + tail.Length + " bytes";
                }

                return what;
            }

            default:
            {
                // Replace a value with another type: string where a bool is, number where a string is.
                byte[][] swaps = ["\"ok\":\"true\""u8.ToArray(), "\"ok\":1"u8.ToArray(), "\"id\":7"u8.ToArray(), "\"version\":\"1\""u8.ToArray(), "\"version\":4294967296"u8.ToArray(), "\"message\":null"u8.ToArray(), "\"Text\":[]"u8.ToArray()];
                byte[] swap = swaps[random.Next(swaps.Length)];
                bytes.InsertRange(at, swap);
                return "inserted " + Show(swap) + " at " + at;
            }
        }
    }

    private static string EditLines(List<byte> bytes, Random random, string what, Action<List<byte[]>, int> edit)
    {
        List<byte[]> lines = Split(bytes);
        if (lines.Count == 0)
        {
            lines.Add([]);
        }

        int index = random.Next(lines.Count);
        edit(lines, index);
        bytes.Clear();
        for (int i = 0; i < lines.Count; i++)
        {
            bytes.AddRange(lines[i]);
            bytes.Add((byte)'\n');
        }

        return what + " line " + (index + 1);
    }

    private static List<byte[]> Split(List<byte> bytes)
    {
        var lines = new List<byte[]>();
        var line = new List<byte>();
        foreach (byte b in bytes)
        {
            if (b == (byte)'\n')
            {
                lines.Add(line.ToArray());
                line.Clear();
            }
            else
            {
                line.Add(b);
            }
        }

        if (line.Count > 0)
        {
            lines.Add(line.ToArray());
        }

        return lines;
    }

    /// <summary>A message entry whose tool call arguments nest <paramref name="depth"/> containers deep.</summary>
    public static byte[] Nested(int depth, bool closed, bool objects)
    {
        var text = new StringBuilder("{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"Assistant\":[{\"ToolCall\":{\"id\":\"deep\",\"name\":\"bash\",\"arguments\":");
        for (int i = 0; i < depth; i++)
        {
            text.Append(objects ? "{\"a\":" : "[");
        }

        text.Append('0');
        if (closed)
        {
            text.Append(objects ? '}' : ']', depth);
            text.Append("}}]}}");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Show(byte[] bytes) =>
        string.Concat(bytes.Select(b => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : "\\x" + b.ToString("X2")));
}

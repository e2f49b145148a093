using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests.Search;

public sealed class NeedlePatternTests
{
    // Letters with and without case, one that folds to ASCII (ſ), ones JSON escapes, two- to four-byte UTF-8.
    private static readonly string[] Alphabet = ["a", "A", "b", "s", "S", "ſ", "é", "É", "\"", "\\", "\n", "\u0001", " ", "日", "🎉", "σ", "Σ", "ς"];

    [Fact]
    public void The_filter_finds_a_match_exactly_where_one_is_in_the_escaped_text()
    {
        var random = new Random(11);
        for (int round = 0; round < 4000; round++)
        {
            string text = RandomText(random, random.Next(0, 90));
            string needle = random.Next(3) == 0 && text.Length > 2 ? Piece(random, text) : RandomText(random, 1 + random.Next(5));
            NeedlePattern? pattern = NeedlePattern.Create(needle, escaped: true);
            Assert.NotNull(pattern);
            byte[] escaped = Escaped(text);

            int start = pattern.Find(escaped, out int length);

            bool decodedHasIt = text.Contains(needle, StringComparison.OrdinalIgnoreCase);
            if (decodedHasIt)
            {
                // Never a miss: every match in the text is a match in its escaped bytes.
                Assert.True(start >= 0, "missed " + Show(needle) + " in " + Show(text));
            }

            if (start >= 0)
            {
                Assert.InRange(start + length, 1, escaped.Length);
            }

            if (!escaped.AsSpan().Contains((byte)'\\'))
            {
                // Without escapes the bytes are the text: found exactly when the text has it.
                Assert.Equal(decodedHasIt, start >= 0);
            }
        }
    }

    [Fact]
    public void In_decoded_text_a_match_is_exactly_an_ordinal_ignore_case_match()
    {
        var random = new Random(12);
        for (int round = 0; round < 4000; round++)
        {
            string text = RandomText(random, random.Next(0, 90));
            string needle = random.Next(2) == 0 && text.Length > 2 ? Piece(random, text) : RandomText(random, 1 + random.Next(4));
            NeedlePattern pattern = NeedlePattern.Create(needle, escaped: false)!;
            byte[] utf8 = Encoding.UTF8.GetBytes(text);

            int start = pattern.Find(utf8, out int length);

            Assert.True(text.Contains(needle, StringComparison.OrdinalIgnoreCase) == start >= 0, Show(needle) + " in " + Show(text));
            if (start >= 0)
            {
                string matched = Encoding.UTF8.GetString(utf8, start, length);
                Assert.Equal(needle, matched, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Every_match_is_visited_once_in_order_of_its_run()
    {
        NeedlePattern pattern = NeedlePattern.Create("aba", escaped: false)!;
        byte[] data = "xxabababa-ABA"u8.ToArray();
        var starts = new System.Collections.Generic.List<int>();
        for (int from = 0; ;)
        {
            int start = pattern.Find(data, from, out _, out from);
            if (start < 0)
            {
                break;
            }

            starts.Add(start);
        }

        Assert.Equal([2, 4, 6, 10], starts);
    }

    [Fact]
    public void The_first_match_is_found_at_every_position_of_long_data()
    {
        // Positions across the 32- and 16-byte blocks and the scalar tail.
        NeedlePattern pattern = NeedlePattern.Create("NeEdle", escaped: true)!;
        for (int size = 6; size < 140; size++)
        {
            for (int at = 0; at + 6 <= size; at++)
            {
                byte[] data = Enumerable.Repeat((byte)'n', size).ToArray();
                "needle"u8.CopyTo(data.AsSpan(at));

                Assert.Equal(at, pattern.Find(data, out int length));
                Assert.Equal(6, length);
            }
        }
    }

    [Fact]
    public void A_match_starting_before_the_probed_run_is_found_backwards()
    {
        // ɐ's capital Ɐ takes three bytes, ɐ two: the probed run starts after it and the start is matched backwards.
        NeedlePattern pattern = NeedlePattern.Create("ɐbcdef", escaped: false)!;

        Assert.Equal(3, pattern.Find(Encoding.UTF8.GetBytes("xx Ɐbcdef"), out int length));
        Assert.Equal(8, length);
        Assert.Equal(3, pattern.Find(Encoding.UTF8.GetBytes("xx ɐBCDEF"), out length));
        Assert.Equal(7, length);
        Assert.Equal(-1, pattern.Find(Encoding.UTF8.GetBytes("xx Ɐbcdxf"), out _));
    }

    private static string RandomText(Random random, int length)
    {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }

    private static string Piece(Random random, string text)
    {
        int start = random.Next(text.Length - 1);
        if (char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        int end = int.Min(text.Length, start + 1 + random.Next(6));
        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        return new string(text[start..end].Select(c => char.IsSurrogate(c) ? c : random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray());
    }

    /// <summary>The text's string body as serde_json writes it.</summary>
    private static byte[] Escaped(string text)
    {
        byte[] quoted = Wire.SerializeToUtf8Bytes(new Message.SystemPrompt(text));

        // {"System":"..."}
        return quoted[11..^2];
    }

    private static string Show(string text) => Wire.Serialize(new Message.SystemPrompt(text));
}

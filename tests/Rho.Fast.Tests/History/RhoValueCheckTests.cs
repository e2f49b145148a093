using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests.History;

/// <summary>
/// The one-pass check agrees with the writer: what it accepts the writer leaves unchanged, and
/// whatever the writer produces it accepts; broken input is refused, never crashes either.
/// </summary>
public sealed class RhoValueCheckTests
{
    private static readonly string[] s_strings = ["", "a", "é", "😀", "\\n", "\\u000a", "\\u00e9", "\\/", "\\ud83d\\ude00", "\\u001f", "\\u001F", "\\\"", "\\\\", "\u2028", "\\t", "key"];
    private static readonly string[] s_numbers = ["0", "-0", "7", "-7", "1.5", "1.50", "1e16", "1e+16", "1E5", "0.00001", "1e-5", "1e-7", "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "1818.4969776440503", "1818.4969776440505", "2.5e-300", "100000.0"];
    private static readonly string[] s_spaces = ["", "", "", " ", "\t", "\r\n"];

    [Fact]
    public void The_check_accepts_exactly_what_the_writer_leaves_unchanged()
    {
        // Random values, then what the writer makes of them. The writer's output is not always
        // accepted in turn: serde_json's inexact parser can read a float it wrote as a neighbour
        // (0.18482093195655422 reads back as the double written 0.18482093195655425), as rho itself would.
        var random = new Random(42);
        for (int trial = 0; trial < 5000; trial++)
        {
            byte[] input = Encoding.UTF8.GetBytes(RandomValue(random, depth: 0));
            byte[]? written = AssertAgrees(input);
            Assert.NotNull(written);
            AssertAgrees(written);
        }
    }

    [Fact]
    public void Broken_values_are_refused_with_the_errors_own_type()
    {
        // Every kind of damage a byte can do, at random places in random values.
        byte[] damage = "{}[]\",:\\ 0-.eE+tfnu\u0001x"u8.ToArray();
        var random = new Random(9);
        for (int trial = 0; trial < 20000; trial++)
        {
            byte[] input = Encoding.UTF8.GetBytes(RandomValue(random, depth: 0));
            int at = random.Next(input.Length);
            switch (random.Next(3))
            {
                case 0:
                    input[at] = damage[random.Next(damage.Length)];
                    break;
                case 1:
                    input = input[..at];
                    break;
                default:
                    input = [.. input[..at], damage[random.Next(damage.Length)], .. input[at..]];
                    break;
            }

            if (System.Text.Unicode.Utf8.IsValid(input))
            {
                AssertAgrees(input);
            }
        }
    }

    [Fact]
    public void A_float_rho_wrote_can_change_when_rho_reads_it_again()
    {
        byte[] once = Write("0.184820931956554207"u8.ToArray());
        Assert.Equal("0.18482093195655422"u8.ToArray(), once);
        Assert.False(RhoValueCheck.IsCanonical(once));
        Assert.Equal("0.18482093195655425"u8.ToArray(), Write(once));
    }

    /// <summary>Checks that the check accepts <paramref name="input"/> exactly when the writer leaves it unchanged; returns what the writer wrote, or null when it refused.</summary>
    private static byte[]? AssertAgrees(byte[] input)
    {
        bool canonical = RhoValueCheck.IsCanonical(input);
        byte[] written;
        try
        {
            written = Write(input);
        }
        catch (WireFormatException)
        {
            Assert.False(canonical, "accepted what the writer refuses: " + Encoding.UTF8.GetString(input));
            return null;
        }

        Assert.True(canonical == written.AsSpan().SequenceEqual(input), Encoding.UTF8.GetString(input) + " became " + Encoding.UTF8.GetString(written) + ", checked " + canonical);
        return written;
    }

    private static byte[] Write(byte[] input)
    {
        // The writer itself, not RhoValueForm.Write, which would take the check's word.
        var output = new ArrayBufferWriter<byte>();
        RhoValueWriter.Write(input, output);
        return output.WrittenSpan.ToArray();
    }

    private static string RandomValue(Random random, int depth)
    {
        string space = s_spaces[random.Next(s_spaces.Length)];
        int kind = depth > 4 ? random.Next(4) : random.Next(6);
        string value = kind switch
        {
            0 => "\"" + s_strings[random.Next(s_strings.Length)] + s_strings[random.Next(s_strings.Length)] + "\"",
            1 => s_numbers[random.Next(s_numbers.Length)],
            2 => random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" },
            3 => random.NextDouble().ToString("R", CultureInfo.InvariantCulture),
            4 => "[" + Items(random, depth, key: false) + space + "]",
            _ => "{" + Items(random, depth, key: true) + space + "}",
        };
        return space + value + space;
    }

    private static string Items(Random random, int depth, bool key)
    {
        var items = new StringBuilder();
        int count = random.Next(5);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                items.Append(',');
            }

            if (key)
            {
                // Few names, so that keys repeat, sometimes spelled with escapes.
                items.Append("\"").Append(random.Next(3) switch { 0 => "k", 1 => "\\u006b", _ => s_strings[random.Next(s_strings.Length)] }).Append("\":");
            }

            items.Append(RandomValue(random, depth + 1));
        }

        return items.ToString();
    }
}

using System;
using System.Buffers.Text;

namespace Rho.Fast.Serialization;

/// <summary>
/// Decodes the body of a JSON string whose escapes <see cref="WireReader"/> has already checked for
/// syntax into UTF-8, and finds lone surrogate escapes: serde_json refuses <c>\ud800</c> without a
/// low surrogate after it, and <c>\udc00</c> without a high one before it.
/// </summary>
internal static class Utf8Unescape
{
    /// <summary>Unescapes <paramref name="escaped"/> into <paramref name="destination"/>, which needs at least as many bytes; returns the bytes written.</summary>
    /// <exception cref="FormatException">A lone surrogate escape.</exception>
    public static int Decode(ReadOnlySpan<byte> escaped, Span<byte> destination)
    {
        if (destination.Length < escaped.Length)
        {
            throw new ArgumentException("The destination is shorter than the escaped text.", nameof(destination));
        }

        // In bounds: an escape never decodes to more bytes than it takes (\uXXXX: 6 for at most 3,
        // a pair: 12 for 4), so written <= i throughout.
        int written = 0;
        int i = 0;
        while (i < escaped.Length)
        {
            int run = escaped[i..].IndexOf((byte)'\\');
            if (run < 0)
            {
                escaped[i..].CopyTo(destination[written..]);
                return written + (escaped.Length - i);
            }

            escaped.Slice(i, run).CopyTo(destination[written..]);
            written += run;
            i += run;
            i = DecodeEscape(escaped, i, out int codePoint);
            written += new System.Text.Rune(codePoint).EncodeToUtf8(destination[written..]);
        }

        return written;
    }

    /// <summary>Whether every <c>\u</c> escape in <paramref name="escaped"/> is a whole character; the message says why not.</summary>
    public static bool HasOnlyPairedSurrogates(ReadOnlySpan<byte> escaped, out string? problem)
    {
        problem = null;
        int i = 0;
        while (i < escaped.Length)
        {
            int run = escaped[i..].IndexOf((byte)'\\');
            if (run < 0)
            {
                return true;
            }

            try
            {
                i = DecodeEscape(escaped, i + run, out _);
            }
            catch (FormatException e)
            {
                problem = e.Message;
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes the escape whose backslash is at <paramref name="i"/>; returns the index after it.</summary>
    private static int DecodeEscape(ReadOnlySpan<byte> escaped, int i, out int codePoint)
    {
        byte letter = i + 1 < escaped.Length ? escaped[i + 1] : (byte)0;
        codePoint = letter switch
        {
            (byte)'"' => '"',
            (byte)'\\' => '\\',
            (byte)'/' => '/',
            (byte)'b' => '\b',
            (byte)'f' => '\f',
            (byte)'n' => '\n',
            (byte)'r' => '\r',
            (byte)'t' => '\t',
            (byte)'u' => -1,
            _ => throw new FormatException("an escape the reader did not check"),
        };
        if (codePoint >= 0)
        {
            return i + 2;
        }

        int unit = Hex4(escaped, i + 2);
        if (unit is >= 0xDC00 and <= 0xDFFF)
        {
            throw new FormatException("a \\u escape holds a low surrogate without a high surrogate before it");
        }

        if (unit is < 0xD800 or > 0xDBFF)
        {
            codePoint = unit;
            return i + 6;
        }

        int low = i + 6 + 6 <= escaped.Length && escaped[i + 6] == (byte)'\\' && escaped[i + 7] == (byte)'u' ? Hex4(escaped, i + 8) : -1;
        if (low is < 0xDC00 or > 0xDFFF)
        {
            throw new FormatException("a \\u escape holds a high surrogate without the low surrogate that must follow it");
        }

        codePoint = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        return i + 12;
    }

    private static int Hex4(ReadOnlySpan<byte> escaped, int at) =>
        at + 4 <= escaped.Length && Utf8Parser.TryParse(escaped.Slice(at, 4), out ushort value, out int consumed, 'x') && consumed == 4
            ? value
            : throw new FormatException("a \\u escape without four hex digits");
}

using System;
using System.Buffers;
using System.Text.Unicode;

namespace Rho.Fast.Serialization;

/// <summary>
/// String escaping exactly as serde_json writes it: <c>"</c> and <c>\</c> backslash-escaped, the
/// control characters U+0000..U+001F as <c>\b \t \n \f \r</c> or lowercase <c>\u00xx</c>, and
/// nothing else (no HTML, non-ASCII or astral escapes).
/// </summary>
/// <remarks>
/// Rust strings cannot hold lone surrogates; a C# string can. Those are written as U+FFFD, the same
/// replacement <see cref="System.Text.Encoding.UTF8"/> makes, so the output is always valid UTF-8
/// that serde_json reads back.
/// </remarks>
internal static class SerdeEscaping
{
    private static readonly SearchValues<byte> s_needsEscape = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\"u8);

    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    /// <summary>Index of the first byte that must be escaped, or -1.</summary>
    public static int IndexOfEscape(ReadOnlySpan<byte> utf8) => utf8.IndexOfAny(s_needsEscape);

    /// <summary>The most bytes a quoted, escaped string of <paramref name="utf16Length"/> chars can take.</summary>
    public static int MaxQuotedLength(int utf16Length) => checked((utf16Length * 6) + 2);

    /// <summary>
    /// Writes <paramref name="value"/> as a quoted JSON string into <paramref name="destination"/>,
    /// which must hold <see cref="MaxQuotedLength"/> bytes. Returns the bytes written.
    /// </summary>
    public static int WriteQuoted(ReadOnlySpan<char> value, Span<byte> destination)
    {
        destination[0] = (byte)'"';
        Utf8.FromUtf16(value, destination.Slice(1), out _, out int utf8Length, replaceInvalidSequences: true);
        int first = IndexOfEscape(destination.Slice(1, utf8Length));
        if (first < 0)
        {
            destination[utf8Length + 1] = (byte)'"';
            return utf8Length + 2;
        }

        // Move the unescaped rest to the end of the buffer and escape it forward from there: the
        // buffer holds 6 bytes per char, the most any char can take, so the escaped output never
        // overtakes the bytes still to be read.
        int restLength = utf8Length - first;
        Span<byte> rest = destination.Slice(destination.Length - restLength);
        destination.Slice(1 + first, restLength).CopyTo(rest);
        int written = 1 + first + Escape(rest, destination.Slice(1 + first));
        destination[written++] = (byte)'"';
        return written;
    }

    /// <summary>
    /// Escapes UTF-8 <paramref name="utf8"/> into <paramref name="destination"/> (no quotes). The two
    /// may overlap only if the output can never overtake the input, as <see cref="WriteQuoted"/>
    /// arranges. Returns the bytes written.
    /// </summary>
    public static int Escape(ReadOnlySpan<byte> utf8, Span<byte> destination)
    {
        int written = 0;
        while (true)
        {
            int next = utf8.IndexOfAny(s_needsEscape);
            if (next < 0)
            {
                utf8.CopyTo(destination.Slice(written));
                return written + utf8.Length;
            }

            utf8.Slice(0, next).CopyTo(destination.Slice(written));
            written += next;
            written += EscapeByte(utf8[next], destination.Slice(written));
            utf8 = utf8.Slice(next + 1);
        }
    }

    private static int EscapeByte(byte b, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        byte shortForm = b switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            0x08 => (byte)'b',
            0x09 => (byte)'t',
            0x0A => (byte)'n',
            0x0C => (byte)'f',
            0x0D => (byte)'r',
            _ => 0,
        };
        if (shortForm != 0)
        {
            destination[1] = shortForm;
            return 2;
        }

        destination[1] = (byte)'u';
        destination[2] = (byte)'0';
        destination[3] = (byte)'0';
        destination[4] = Hex[b >> 4];
        destination[5] = Hex[b & 0xF];
        return 6;
    }
}

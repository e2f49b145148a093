using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text.Unicode;

namespace Rho.Fast.Serialization;

/// <summary>
/// Turns the escaped UTF-8 of a JSON string (already checked by <see cref="System.Text.Json.Utf8JsonReader"/>
/// for escape syntax) into a .NET string in one pass. System.Text.Json's own path unescapes into a
/// pooled byte buffer, transcodes it, and clears the buffer: three passes over text that, in a session
/// file, is mostly escaped tool output.
/// </summary>
internal static class JsonUnescape
{
    /// <summary>Decodes an escaped JSON string body; throws <see cref="FormatException"/> on invalid UTF-8 or a lone surrogate escape.</summary>
    public static string ToString(ReadOnlySpan<byte> escaped)
    {
        // Unescaped text never has more UTF-16 chars than the escaped form has bytes.
        char[] rented = ArrayPool<char>.Shared.Rent(escaped.Length);
        try
        {
            int written = Decode(escaped, rented);
            return new string(rented, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int Decode(ReadOnlySpan<byte> escaped, Span<char> destination)
    {
        int written = 0;
        while (true)
        {
            int backslash = escaped.IndexOf((byte)'\\');
            ReadOnlySpan<byte> run = backslash < 0 ? escaped : escaped[..backslash];
            if (Utf8.ToUtf16(run, destination[written..], out _, out int chars, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                throw new FormatException("the string is not valid UTF-8");
            }

            written += chars;
            if (backslash < 0)
            {
                return written;
            }

            escaped = escaped[(backslash + 1)..];
            char simple = escaped[0] switch
            {
                (byte)'"' => '"',
                (byte)'\\' => '\\',
                (byte)'/' => '/',
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                _ => '\0',
            };
            if (simple != '\0')
            {
                destination[written++] = simple;
                escaped = escaped[1..];
                continue;
            }

            char unit = Hex4(escaped[1..]);
            escaped = escaped[5..];
            if (char.IsHighSurrogate(unit))
            {
                if (escaped.Length < 6 || escaped[0] != (byte)'\\' || escaped[1] != (byte)'u' || !char.IsLowSurrogate(Hex4(escaped[2..])))
                {
                    throw new FormatException("a \\u escape holds a high surrogate without the low surrogate that must follow it");
                }

                destination[written++] = unit;
                destination[written++] = Hex4(escaped[2..]);
                escaped = escaped[6..];
            }
            else if (char.IsLowSurrogate(unit))
            {
                throw new FormatException("a \\u escape holds a low surrogate without a high surrogate before it");
            }
            else
            {
                destination[written++] = unit;
            }
        }
    }

    private static char Hex4(ReadOnlySpan<byte> digits)
    {
        Utf8Parser.TryParse(digits[..4], out ushort value, out _, 'x');
        return (char)value;
    }
}

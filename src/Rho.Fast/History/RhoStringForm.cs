using System;
using System.Buffers;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// A JSON string as serde_json writes it back: raw UTF-8 except <c>"</c>, <c>\</c> and the
/// control characters, which take serde's escapes. A <c>\u</c> escape of any other character
/// becomes the character, and an escaped surrogate pair becomes its one 4-byte character.
/// </summary>
internal static class RhoStringForm
{
    private const int StackLimit = 256;

    /// <summary>The bytes serde_json escapes: <c>"</c>, <c>\</c> and U+0000..U+001F.</summary>
    private static readonly SearchValues<byte> Escaped = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, (byte)'"', (byte)'\\']);

    /// <summary>Writes the quoted string whose body, as read, is <paramref name="body"/>.</summary>
    /// <exception cref="FormatException">The body holds a lone surrogate escape, which serde_json refuses.</exception>
    public static void Write(ReadOnlySpan<byte> body, StringEscapes escapes, IBufferWriter<byte> output)
    {
        if (SerdeEscaping.IsCanonical(escapes))
        {
            Span<byte> span = output.GetSpan(body.Length + 2);
            span[0] = (byte)'"';
            body.CopyTo(span[1..]);
            span[body.Length + 1] = (byte)'"';
            output.Advance(body.Length + 2);
            return;
        }

        byte[]? rented = null;
        Span<byte> text = body.Length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(body.Length));
        try
        {
            int length = Utf8Unescape.Decode(body, text);
            WriteText(text[..length], output);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the UTF-8 text <paramref name="text"/> as a quoted string with serde's escapes.</summary>
    public static void WriteText(ReadOnlySpan<byte> text, IBufferWriter<byte> output)
    {
        output.GetSpan(1)[0] = (byte)'"';
        output.Advance(1);
        while (!text.IsEmpty)
        {
            int at = text.IndexOfAny(Escaped);
            if (at < 0)
            {
                output.Write(text);
                break;
            }

            output.Write(text[..at]);
            Span<byte> escape = output.GetSpan(6);
            output.Advance(SerdeEscaping.EscapeAscii(text[at], escape));
            text = text[(at + 1)..];
        }

        output.GetSpan(1)[0] = (byte)'"';
        output.Advance(1);
    }
}

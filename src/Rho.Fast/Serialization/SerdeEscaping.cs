using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    /// <summary>The most bytes a quoted, escaped string of <paramref name="utf16Length"/> chars can take.</summary>
    public static int MaxQuotedLength(int utf16Length) => checked((utf16Length * 6) + 2);

    /// <summary>
    /// Writes <paramref name="value"/> as a quoted JSON string into <paramref name="destination"/>,
    /// which must hold <see cref="MaxQuotedLength"/> bytes. Returns the bytes written.
    /// </summary>
    public static int WriteQuoted(ReadOnlySpan<char> value, Span<byte> destination)
    {
        if (destination.Length < MaxQuotedLength(value.Length))
        {
            throw new ArgumentException("The destination is shorter than MaxQuotedLength.", nameof(destination));
        }

        // One pass from UTF-16, 16 chars at a time: a block of printable ASCII is narrowed and
        // stored whole; at the first char that is not, the plain prefix is kept and that char is
        // escaped or encoded on its own. Text from agents is mostly ASCII with an escape every few
        // dozen chars (newlines, quotes, tabs).
        // In bounds: a char takes at most 6 bytes, so written <= 1 + 6 * i, and 16 more bytes fit
        // while 16 chars remain from i (destination holds 6 * value.Length + 2).
        ref ushort source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(value));
        ref byte target = ref MemoryMarshal.GetReference(destination);
        target = (byte)'"';
        int written = 1;
        int i = 0;
        while (true)
        {
            if (Vector128.IsHardwareAccelerated)
            {
                while (i <= value.Length - 16)
                {
                    Vector128<ushort> low = Vector128.LoadUnsafe(ref source, (nuint)i);
                    Vector128<ushort> high = Vector128.LoadUnsafe(ref source, (nuint)i + 8);
                    Vector128.Narrow(low, high).StoreUnsafe(ref target, (nuint)written);
                    uint plain = PlainMask(low) | (PlainMask(high) << 8);
                    if (plain == 0xFFFF)
                    {
                        i += 16;
                        written += 16;
                        continue;
                    }

                    int run = BitOperations.TrailingZeroCount(~plain);
                    i += run;
                    written += run;
                    goto Special;
                }
            }

            while (i < value.Length)
            {
                char c = value[i];
                if (c is < ' ' or >= (char)0x80 or '"' or '\\')
                {
                    goto Special;
                }

                Unsafe.Add(ref target, written++) = (byte)c;
                i++;
            }

            Unsafe.Add(ref target, written) = (byte)'"';
            return written + 1;

        Special:
            char special = value[i++];
            if (special < 0x80)
            {
                byte shortForm = ShortEscapes[special];
                if (shortForm != 0)
                {
                    Unsafe.Add(ref target, written) = (byte)'\\';
                    Unsafe.Add(ref target, written + 1) = shortForm;
                    written += 2;
                }
                else
                {
                    written += EscapeAscii((byte)special, destination.Slice(written));
                }
            }
            else
            {
                written += WriteScalar(special, value, ref i, destination.Slice(written));
            }
        }
    }

    /// <summary>The letter after the backslash for <c>"</c>, <c>\</c> and the controls with a short form, else 0 (indexed by ASCII code).</summary>
    private static ReadOnlySpan<byte> ShortEscapes =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, (byte)'b', (byte)'t', (byte)'n', 0, (byte)'f', (byte)'r', 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, (byte)'"', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)'\\', 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>Lanes that hold printable ASCII other than <c>"</c> and <c>\</c>, one bit each.</summary>
    private static uint PlainMask(Vector128<ushort> chars)
    {
        Vector128<ushort> printable = Vector128.LessThan(chars - Vector128.Create((ushort)0x20), Vector128.Create((ushort)0x60));
        Vector128<ushort> special = Vector128.Equals(chars, Vector128.Create((ushort)'"')) | Vector128.Equals(chars, Vector128.Create((ushort)'\\'));
        return Vector128.AndNot(printable, special).ExtractMostSignificantBits();
    }

    /// <summary>
    /// Writes the UTF-8 of the scalar that non-ASCII <paramref name="c"/> starts; a lone surrogate
    /// becomes U+FFFD. Advances <paramref name="index"/> past a low surrogate it pairs with.
    /// </summary>
    private static int WriteScalar(char c, ReadOnlySpan<char> value, ref int index, Span<byte> destination)
    {
        if (c < 0x800)
        {
            destination[0] = (byte)(0xC0 | (c >> 6));
            destination[1] = (byte)(0x80 | (c & 0x3F));
            return 2;
        }

        if (char.IsSurrogate(c))
        {
            if (char.IsHighSurrogate(c) && index < value.Length && char.IsLowSurrogate(value[index]))
            {
                int scalar = char.ConvertToUtf32(c, value[index++]);
                destination[0] = (byte)(0xF0 | (scalar >> 18));
                destination[1] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                destination[2] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                destination[3] = (byte)(0x80 | (scalar & 0x3F));
                return 4;
            }

            c = '\uFFFD';
        }

        destination[0] = (byte)(0xE0 | (c >> 12));
        destination[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
        destination[2] = (byte)(0x80 | (c & 0x3F));
        return 3;
    }

    /// <summary>Writes the escape of <paramref name="b"/>, an ASCII char serde_json escapes; returns its length (2 or 6).</summary>
    public static int EscapeAscii(byte b, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        byte shortForm = ShortEscapes[b];
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

    /// <summary>
    /// Whether a string body whose scan found <paramref name="escapes"/> is already in this escaping,
    /// so it can be written back as it is.
    /// </summary>
    public static bool IsCanonical(StringEscapes escapes) => (escapes & StringEscapes.Foreign) == 0;
}

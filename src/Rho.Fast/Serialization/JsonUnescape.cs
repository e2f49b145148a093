using System;
using System.Buffers;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace Rho.Fast.Serialization;

/// <summary>
/// Turns the escaped UTF-8 of a JSON string (already checked by <see cref="WireReader"/>
/// for escape syntax) into a .NET string in one pass, 32 or 16 bytes at a time. System.Text.Json's own path unescapes into a
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
        // 16 bytes at a time: plain ASCII is widened and stored whole; at the first backslash or
        // non-ASCII byte the plain prefix is kept and that byte is handled on its own. Tool output
        // has an escape every few dozen bytes, so searching for each one separately costs more
        // than the text between them.
        // In bounds: each byte yields at most one char, so written <= i, and a store of 16 chars at
        // written fits whenever 16 bytes remain from i (destination holds escaped.Length chars).
        if (destination.Length < escaped.Length)
        {
            throw new ArgumentException("The destination is shorter than the escaped text.", nameof(destination));
        }

        ref byte source = ref MemoryMarshal.GetReference(escaped);
        ref ushort target = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
        int written = 0;
        int i = 0;
        while (true)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                // The same, 32 bytes at a time.
                while (i <= escaped.Length - 32)
                {
                    Vector256<byte> bytes = Vector256.LoadUnsafe(ref source, (nuint)i);
                    (Vector256<ushort> low, Vector256<ushort> high) = Vector256.Widen(bytes);
                    low.StoreUnsafe(ref target, (nuint)written);
                    high.StoreUnsafe(ref target, (nuint)written + 16);
                    uint special = (Vector256.Equals(bytes, Vector256.Create((byte)'\\')) | Vector256.GreaterThan(bytes, Vector256.Create((byte)0x7F))).ExtractMostSignificantBits();
                    if (special == 0)
                    {
                        i += 32;
                        written += 32;
                        continue;
                    }

                    int plain = BitOperations.TrailingZeroCount(special);
                    i += plain;
                    written += plain;
                    goto Special;
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                while (i <= escaped.Length - 16)
                {
                    Vector128<byte> bytes = Vector128.LoadUnsafe(ref source, (nuint)i);
                    (Vector128<ushort> low, Vector128<ushort> high) = Vector128.Widen(bytes);
                    low.StoreUnsafe(ref target, (nuint)written);
                    high.StoreUnsafe(ref target, (nuint)written + 8);
                    uint special = (Vector128.Equals(bytes, Vector128.Create((byte)'\\')) | Vector128.GreaterThan(bytes, Vector128.Create((byte)0x7F))).ExtractMostSignificantBits();
                    if (special == 0)
                    {
                        i += 16;
                        written += 16;
                        continue;
                    }

                    int plain = BitOperations.TrailingZeroCount(special);
                    i += plain;
                    written += plain;
                    goto Special;
                }
            }

            while (i < escaped.Length)
            {
                byte b = escaped[i];
                if (b == (byte)'\\' || b > 0x7F)
                {
                    goto Special;
                }

                destination[written++] = (char)b;
                i++;
            }

            return written;

        Special:
            if (escaped[i] == (byte)'\\')
            {
                i = Unescape(escaped, i + 1, destination, ref written);
            }
            else
            {
                // A run of non-ASCII bytes holds whole sequences if the text is valid UTF-8: none
                // of a sequence's bytes is ASCII.
                int length = escaped[i..].IndexOfAnyInRange((byte)0, (byte)0x7F);
                ReadOnlySpan<byte> run = length < 0 ? escaped[i..] : escaped.Slice(i, length);
                if (Utf8.ToUtf16(run, destination[written..], out _, out int chars, replaceInvalidSequences: false) != OperationStatus.Done)
                {
                    throw new FormatException("the string is not valid UTF-8");
                }

                written += chars;
                i += run.Length;
            }
        }
    }

    /// <summary>Writes the escape whose letter is at <paramref name="i"/>, just after its backslash; returns the index after the escape.</summary>
    private static int Unescape(ReadOnlySpan<byte> escaped, int i, Span<char> destination, ref int written)
    {
        char simple = escaped[i] switch
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
            return i + 1;
        }

        char unit = Hex4(escaped.Slice(i + 1));
        i += 5;
        if (char.IsHighSurrogate(unit))
        {
            ReadOnlySpan<byte> next = escaped[i..];
            if (next.Length < 6 || next[0] != (byte)'\\' || next[1] != (byte)'u' || !char.IsLowSurrogate(Hex4(next[2..])))
            {
                throw new FormatException("a \\u escape holds a high surrogate without the low surrogate that must follow it");
            }

            destination[written++] = unit;
            destination[written++] = Hex4(next[2..]);
            return i + 6;
        }

        if (char.IsLowSurrogate(unit))
        {
            throw new FormatException("a \\u escape holds a low surrogate without a high surrogate before it");
        }

        destination[written++] = unit;
        return i;
    }

    private static char Hex4(ReadOnlySpan<byte> digits)
    {
        Utf8Parser.TryParse(digits[..4], out ushort value, out _, 'x');
        return (char)value;
    }
}

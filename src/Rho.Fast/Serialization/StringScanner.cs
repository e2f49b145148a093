using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rho.Fast.Serialization;

/// <summary>
/// Finds where a JSON string ends, checking it on the way: one compare per 64 bytes (AVX-512), 32
/// (AVX2) or 16 marks every quote, backslash and control byte (below 0x20, which JSON forbids raw) of the
/// block, and the marks are walked one by one without loading the block again. Tool output in a
/// session file is long text with an escape every few dozen bytes, so most of a read is spent
/// between those bytes, and a per-byte branch (or a search restarted after each escape) costs more
/// than the text between them.
/// </summary>
internal static class StringScanner
{
    /// <summary>
    /// The index of the quote that closes the string whose body starts at <paramref name="from"/>,
    /// or -1 when the string is malformed or unterminated (the caller finds out which, slowly).
    /// It also tells whether every escape is a short form serde_json writes, so such a body needs no
    /// second look to be copied back or to be known free of lone surrogates.
    /// </summary>
    /// <param name="buffer">The whole input.</param>
    /// <param name="from">The first byte after the opening quote, from 0 to <c>buffer.Length</c>.</param>
    /// <param name="escapes">What kinds of escape the body holds.</param>
    public static int FindStringEnd(ReadOnlySpan<byte> buffer, int from, out StringEscapes escapes)
    {
        // A NativeAOT build for the default x86-64 baseline has 16-byte vectors only, so that width
        // is walked the same way.
        bool wide = Vector256.IsHardwareAccelerated && buffer.Length >= Vector256<byte>.Count;
        if (!wide && (!Vector128.IsHardwareAccelerated || buffer.Length < Vector128<byte>.Count))
        {
            return FindStringEndScalar(buffer, from, out escapes);
        }

        escapes = StringEscapes.None;
        int length = buffer.Length;
        ref byte start = ref MemoryMarshal.GetReference(buffer);
        int i = from;
        while ((uint)i < (uint)length)
        {
            ulong mask;
            int width;
            if (Vector512.IsHardwareAccelerated && i <= length - Vector512<byte>.Count)
            {
                mask = Special(Vector512.LoadUnsafe(ref start, (nuint)i));
                width = Vector512<byte>.Count;
            }
            else if (wide && i <= length - Vector256<byte>.Count)
            {
                mask = Special(Vector256.LoadUnsafe(ref start, (nuint)i));
                width = Vector256<byte>.Count;
            }
            else if (wide)
            {
                // The tail: the last full block again, with the bytes already seen shifted out.
                int last = length - Vector256<byte>.Count;
                mask = Special(Vector256.LoadUnsafe(ref start, (nuint)last)) >> (i - last);
                width = length - i;
            }
            else if (i <= length - Vector128<byte>.Count)
            {
                mask = Special(Vector128.LoadUnsafe(ref start, (nuint)i));
                width = Vector128<byte>.Count;
            }
            else
            {
                int last = length - Vector128<byte>.Count;
                mask = Special(Vector128.LoadUnsafe(ref start, (nuint)last)) >> (i - last);
                width = length - i;
            }

            while (mask != 0)
            {
                int at = i + BitOperations.TrailingZeroCount(mask);
                byte b = buffer[at];
                if (b == (byte)'"')
                {
                    return at;
                }

                if (b != (byte)'\\')
                {
                    return -1;
                }

                int next = SkipEscape(buffer, at, ref escapes);
                if (next < 0)
                {
                    return -1;
                }

                int seen = next - i;
                if (seen >= width)
                {
                    // The escape reaches past this block: go on from its end.
                    i = next - width;
                    mask = 0;
                    break;
                }

                mask &= ulong.MaxValue << seen;
            }

            i += width;
        }

        return -1;
    }

    /// <summary>The byte-at-a-time search: for inputs shorter than a vector, hardware without vectors, and tests.</summary>
    internal static int FindStringEndScalar(ReadOnlySpan<byte> buffer, int from, out StringEscapes escapes)
    {
        escapes = StringEscapes.None;
        int i = from;
        while ((uint)i < (uint)buffer.Length)
        {
            byte b = buffer[i];
            if (b == (byte)'"')
            {
                return i;
            }

            if (b == (byte)'\\')
            {
                i = SkipEscape(buffer, i, ref escapes);
                if (i < 0)
                {
                    return -1;
                }
            }
            else if (b < 0x20)
            {
                return -1;
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>
    /// The index after the escape whose backslash is at <paramref name="at"/>, or -1 when it is not
    /// one of JSON's; <paramref name="escapes"/> learns its kind.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipEscape(ReadOnlySpan<byte> buffer, int at, ref StringEscapes escapes)
    {
        if ((uint)(at + 1) >= (uint)buffer.Length)
        {
            return -1;
        }

        switch (buffer[at + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                escapes |= StringEscapes.Serde;
                return at + 2;
            case (byte)'/':
                escapes |= StringEscapes.Foreign;
                return at + 2;
            case (byte)'u':
                if (at + 6 > buffer.Length || !TryHex4(buffer.Slice(at + 2, 4), out int code))
                {
                    return -1;
                }

                escapes |= UnicodeEscape(code, buffer[at + 5]);
                return at + 6;
            default:
                return -1;
        }
    }

    /// <summary>
    /// The escapes the escaped body <paramref name="body"/> (between the quotes, known to be valid)
    /// holds: the answer the scan gives, for a body already cut out.
    /// </summary>
    public static StringEscapes Classify(ReadOnlySpan<byte> body)
    {
        var escapes = StringEscapes.None;
        for (int at = body.IndexOf((byte)'\\'); at >= 0;)
        {
            int next = SkipEscape(body, at, ref escapes);
            if (next < 0)
            {
                throw new ArgumentException("The body holds a malformed escape.", nameof(body));
            }

            int run = body[next..].IndexOf((byte)'\\');
            at = run < 0 ? -1 : next + run;
        }

        return escapes;
    }

    /// <summary>
    /// What the escape <c>\u</c> of <paramref name="code"/> is: serde's own only for a control
    /// character without a short form, in lowercase hex (<paramref name="lastDigit"/> is its last
    /// digit, the only one that can be a letter there).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static StringEscapes UnicodeEscape(int code, byte lastDigit)
    {
        if (code is >= 0xD800 and <= 0xDFFF)
        {
            return StringEscapes.Foreign | StringEscapes.Surrogate;
        }

        bool serde = code < 0x20 && code is not (0x08 or 0x09 or 0x0A or 0x0C or 0x0D) && lastDigit is not (>= (byte)'A' and <= (byte)'F');
        return serde ? StringEscapes.Serde : StringEscapes.Foreign;
    }

    private static bool TryHex4(ReadOnlySpan<byte> digits, out int code)
    {
        code = 0;
        foreach (byte digit in digits)
        {
            int value = digit switch
            {
                >= (byte)'0' and <= (byte)'9' => digit - '0',
                >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            code = (code << 4) | value;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Special(Vector512<byte> bytes) =>
        (Vector512.Equals(bytes, Vector512.Create((byte)'"'))
        | Vector512.Equals(bytes, Vector512.Create((byte)'\\'))
        | Vector512.LessThan(bytes, Vector512.Create((byte)0x20))).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Special(Vector256<byte> bytes) =>
        (Vector256.Equals(bytes, Vector256.Create((byte)'"'))
        | Vector256.Equals(bytes, Vector256.Create((byte)'\\'))
        | Vector256.LessThan(bytes, Vector256.Create((byte)0x20))).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Special(Vector128<byte> bytes) =>
        (Vector128.Equals(bytes, Vector128.Create((byte)'"'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'\\'))
        | Vector128.LessThan(bytes, Vector128.Create((byte)0x20))).ExtractMostSignificantBits();
}

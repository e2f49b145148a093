using System;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rho.Fast.Serialization;

/// <summary>
/// Finds where a JSON string ends, checking it on the way, 64 bytes at a time: vector compares
/// give one bit per byte for quotes, backslashes and control bytes (below 0x20, which JSON forbids
/// raw), and a few integer operations on those masks tell which bytes are escaped, so the closing
/// quote, a raw control byte and every escape's letter are found without visiting escapes one by
/// one. Tool output in a session file is long text with an escape every few dozen bytes, where a
/// walk from escape to escape spent most of a read. Only <c>\u</c> and <c>\/</c> escapes, which
/// serde_json does not write for text, are looked at singly.
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
        if (!Vector128.IsHardwareAccelerated || buffer.Length < Block)
        {
            return FindStringEndScalar(buffer, from, out escapes);
        }

        escapes = StringEscapes.None;
        int length = buffer.Length;
        ref byte start = ref MemoryMarshal.GetReference(buffer);
        int i = from;
        if (from <= length - 16)
        {
            // Most strings (keys, tags, short values) end within 16 bytes: one vector, not a block.
            Vector128<byte> head = Vector128.LoadUnsafe(ref Unsafe.Add(ref start, from));
            uint quotes = Vector128.Equals(head, Vector128.Create((byte)'"')).ExtractMostSignificantBits();
            uint others = (Vector128.Equals(head, Vector128.Create((byte)'\\')) | Vector128.LessThan(head, Vector128.Create((byte)0x20))).ExtractMostSignificantBits();
            if (quotes != 0 && (others & ((quotes & (0 - quotes)) - 1)) == 0)
            {
                return from + BitOperations.TrailingZeroCount(quotes);
            }

            if ((quotes | others) == 0)
            {
                // Plain text to the vector's end: the blocks start after it, with nothing carried.
                i = from + 16;
            }
        }

        // 1 when the first byte of the next block follows an odd run of backslashes.
        ulong carry = 0;
        for (; i < length; i += Block)
        {
            // The tail: the last full block again, with the bytes already seen shifted out (the
            // bits past the end are then zero).
            int at = Math.Min(i, length - Block);
            int shift = i - at;
            Marks(ref Unsafe.Add(ref start, at), out ulong quotes, out ulong backslashes, out ulong controls);
            quotes >>= shift;
            backslashes >>= shift;
            controls >>= shift;
            if ((backslashes | carry) == 0)
            {
                // No escape in the block, the common case: the first quote closes the string.
                if (quotes != 0)
                {
                    return (controls & (LowestBit(quotes) - 1)) == 0 ? i + BitOperations.TrailingZeroCount(quotes) : -1;
                }

                if (controls != 0)
                {
                    return -1;
                }

                continue;
            }

            ulong escaped = Escaped(backslashes, ref carry);
            ulong closing = quotes & ~escaped;
            ulong inside = closing == 0 ? ulong.MaxValue : LowestBit(closing) - 1;
            if ((controls & inside) != 0)
            {
                return -1;
            }

            ulong escapedInside = escaped & inside;
            if (escapedInside != 0 && !CheckEscapes(buffer, i, ref Unsafe.Add(ref start, at), shift, escapedInside, quotes | backslashes, ref escapes))
            {
                return -1;
            }

            if (closing != 0)
            {
                return i + BitOperations.TrailingZeroCount(closing);
            }
        }

        return -1;
    }

    /// <summary>The bytes a block holds: 64, so that one <see cref="ulong"/> has a bit for each.</summary>
    private const int Block = 64;

    /// <summary>Bits 0, 2, 4, ...: the even positions of a block.</summary>
    private const ulong EvenBits = 0x5555_5555_5555_5555UL;

    private static ulong LowestBit(ulong mask) => mask & (0 - mask);

    /// <summary>
    /// The bytes of the block escaped by a backslash. In a run of backslashes they pair up from the
    /// run's start, so every other one from its second is escaped, and so is the byte after an odd
    /// run. Adding a run's first bit to the run clears the run and carries to the bit after it, so
    /// one addition per parity of where runs start finds both the runs and what follows them;
    /// which bits are escaped is then a matter of parity. <paramref name="carry"/> comes in as
    /// whether the block's first byte is escaped and goes out as whether the next block's is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Escaped(ulong backslashes, ref ulong carry)
    {
        ulong escapedFirst = carry;

        // An escaped backslash starts no run.
        backslashes &= ~escapedFirst;
        ulong starts = backslashes & ~(backslashes << 1);
        ulong evenSum = backslashes + (starts & EvenBits);
        ulong oddSum = backslashes + (starts & ~EvenBits);

        // Runs from an even bit, with the bit after each (the bits the addition changed); then the
        // same from an odd bit.
        ulong fromEven = backslashes ^ evenSum;
        ulong fromOdd = backslashes ^ oddSum;

        // A run from an odd bit to the block's end is odd: it escapes the next block's first byte.
        carry = oddSum < backslashes ? 1UL : 0UL;
        return (fromEven & ~EvenBits) | (fromOdd & EvenBits) | escapedFirst;
    }

    /// <summary>
    /// Checks the escaped bytes of a block (<paramref name="escaped"/>, bit 0 at
    /// <paramref name="position"/>) are letters of JSON's escapes, learning their kinds; a
    /// <c>\u</c> escape's digits are checked one by one, as they are rare.
    /// </summary>
    private static bool CheckEscapes(ReadOnlySpan<byte> buffer, int position, ref byte block, int shift, ulong escaped, ulong quotesOrBackslashes, ref StringEscapes escapes)
    {
        EscapeLetters(ref block, out ulong letters, out ulong slashesOrU);
        letters = (letters >> shift) | quotesOrBackslashes;
        slashesOrU >>= shift;
        if ((escaped & ~letters) != 0)
        {
            return false;
        }

        if ((escaped & ~slashesOrU) != 0)
        {
            escapes |= StringEscapes.Serde;
        }

        for (ulong rare = escaped & slashesOrU; rare != 0; rare &= rare - 1)
        {
            int at = position + BitOperations.TrailingZeroCount(rare);
            if (buffer[at] == (byte)'/')
            {
                escapes |= StringEscapes.Foreign;
            }
            else if (at + 5 > buffer.Length || !TryHex4(buffer.Slice(at + 1, 4), out int code))
            {
                return false;
            }
            else
            {
                escapes |= UnicodeEscape(code, buffer[at + 4]);
            }
        }

        return true;
    }

    /// <summary>The quotes, backslashes and control bytes (below 0x20, which JSON forbids raw) of the 64 bytes at <paramref name="block"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Marks(ref byte block, out ulong quotes, out ulong backslashes, out ulong controls)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<byte> bytes = Vector512.LoadUnsafe(ref block);
            quotes = Vector512.Equals(bytes, Vector512.Create((byte)'"')).ExtractMostSignificantBits();
            backslashes = Vector512.Equals(bytes, Vector512.Create((byte)'\\')).ExtractMostSignificantBits();
            controls = Vector512.LessThan(bytes, Vector512.Create((byte)0x20)).ExtractMostSignificantBits();
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> low = Vector256.LoadUnsafe(ref block);
            Vector256<byte> high = Vector256.LoadUnsafe(ref block, 32);
            quotes = Join(Vector256.Equals(low, Vector256.Create((byte)'"')), Vector256.Equals(high, Vector256.Create((byte)'"')));
            backslashes = Join(Vector256.Equals(low, Vector256.Create((byte)'\\')), Vector256.Equals(high, Vector256.Create((byte)'\\')));
            controls = Join(Vector256.LessThan(low, Vector256.Create((byte)0x20)), Vector256.LessThan(high, Vector256.Create((byte)0x20)));
        }
        else
        {
            // A NativeAOT build for the default x86-64 baseline has 16-byte vectors only.
            quotes = backslashes = controls = 0;
            for (int part = 0; part < Block; part += 16)
            {
                Vector128<byte> bytes = Vector128.LoadUnsafe(ref block, (nuint)part);
                quotes |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << part;
                backslashes |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\\')).ExtractMostSignificantBits() << part;
                controls |= (ulong)Vector128.LessThan(bytes, Vector128.Create((byte)0x20)).ExtractMostSignificantBits() << part;
            }
        }
    }

    /// <summary>
    /// The bytes of the block that may follow a backslash besides a quote and a backslash
    /// (<c>/ b f n r t u</c>), and of those the two that need a closer look (<c>/</c> and <c>u</c>).
    /// </summary>
    private static void EscapeLetters(ref byte block, out ulong letters, out ulong slashesOrU)
    {
        letters = slashesOrU = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (int part = 0; part < Block; part += 32)
            {
                Vector256<byte> bytes = Vector256.LoadUnsafe(ref block, (nuint)part);
                Vector256<byte> rare = Vector256.Equals(bytes, Vector256.Create((byte)'/')) | Vector256.Equals(bytes, Vector256.Create((byte)'u'));
                Vector256<byte> common = Vector256.Equals(bytes, Vector256.Create((byte)'n')) | Vector256.Equals(bytes, Vector256.Create((byte)'t'))
                    | Vector256.Equals(bytes, Vector256.Create((byte)'r')) | Vector256.Equals(bytes, Vector256.Create((byte)'b'))
                    | Vector256.Equals(bytes, Vector256.Create((byte)'f'));
                letters |= (ulong)(common | rare).ExtractMostSignificantBits() << part;
                slashesOrU |= (ulong)rare.ExtractMostSignificantBits() << part;
            }
        }
        else
        {
            for (int part = 0; part < Block; part += 16)
            {
                Vector128<byte> bytes = Vector128.LoadUnsafe(ref block, (nuint)part);
                Vector128<byte> rare = Vector128.Equals(bytes, Vector128.Create((byte)'/')) | Vector128.Equals(bytes, Vector128.Create((byte)'u'));
                Vector128<byte> common = Vector128.Equals(bytes, Vector128.Create((byte)'n')) | Vector128.Equals(bytes, Vector128.Create((byte)'t'))
                    | Vector128.Equals(bytes, Vector128.Create((byte)'r')) | Vector128.Equals(bytes, Vector128.Create((byte)'b'))
                    | Vector128.Equals(bytes, Vector128.Create((byte)'f'));
                letters |= (ulong)(common | rare).ExtractMostSignificantBits() << part;
                slashesOrU |= (ulong)rare.ExtractMostSignificantBits() << part;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Join(Vector256<byte> low, Vector256<byte> high) =>
        low.ExtractMostSignificantBits() | ((ulong)high.ExtractMostSignificantBits() << 32);

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

    /// <summary>Four hex digits of either case, as the decoders read them.</summary>
    private static bool TryHex4(ReadOnlySpan<byte> digits, out int code)
    {
        bool parsed = Utf8Parser.TryParse(digits, out ushort value, out int consumed, 'x') && consumed == 4;
        code = value;
        return parsed;
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Rho.Fast;

/// <summary>
/// A search text as the UTF-8 bytes it can take, one <see cref="ByteClass"/> per character (its
/// case variants), either in decoded text or, escaped, inside a JSON string written with
/// serde_json's escaping. Matches are found by the SIMD substring filter: two bytes of the pattern
/// at a fixed distance, compared 32 (or 16) positions at a time, and only where both fit is the
/// whole pattern compared.
/// </summary>
/// <remarks>
/// On decoded UTF-8 a match is exactly a match of <see cref="string.IndexOf(string, StringComparison)"/>
/// with <see cref="StringComparison.OrdinalIgnoreCase"/>: the characters are compared one by one,
/// each against its variants under that comparison. Escaped, every match of the text in a string
/// that uses only serde's escapes is found, and a match can be found where there is none (across
/// an escape, in a key), which the caller checks; lines with other escapes (<c>\u00e9</c>,
/// <c>\/</c>) hide characters from any byte filter and are decoded instead (see <see cref="EscapeScan"/>).
/// </remarks>
internal sealed class NeedlePattern
{
    // Longer texts are filtered in JSON by their start: a match of the whole is a match of its start.
    private const int MaxEscapedClasses = 32;

    private readonly ByteClass[] _classes;

    // The probed run: classes [_runStart, _runEnd) all have one length, and bytes _probe0 and
    // _probe1 (offsets from the run's first byte) are tested as (b | mask) == value.
    private readonly int _runStart;
    private readonly int _probe0;
    private readonly int _probe1;
    private readonly byte _mask0;
    private readonly byte _value0;
    private readonly byte _mask1;
    private readonly byte _value1;

    // Without a run to probe: the first bytes a match can start with.
    private readonly SearchValues<byte>? _firstBytes;

    private NeedlePattern(ByteClass[] classes)
    {
        _classes = classes;
        if (ChooseProbes(classes) is { } probes)
        {
            (_runStart, _probe0, _mask0, _value0, _probe1, _mask1, _value1) = probes;
        }
        else
        {
            var first = new HashSet<byte>();
            foreach (byte[] member in classes[0].Members)
            {
                first.Add(member[0]);
            }

            _firstBytes = SearchValues.Create([.. first]);
        }
    }

    /// <summary>
    /// The pattern of <paramref name="text"/>: of all of it in decoded UTF-8, or of its start as
    /// serde_json escapes it when <paramref name="escaped"/>; <see langword="null"/> when it holds a
    /// lone surrogate, which no decoded text does.
    /// </summary>
    public static NeedlePattern? Create(string text, bool escaped)
    {
        var classes = new List<ByteClass>();
        int limit = escaped ? MaxEscapedClasses : int.MaxValue;
        for (int i = 0; i < text.Length && classes.Count < limit; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                if (!Rune.TryCreate(text[i], i + 1 < text.Length ? text[i + 1] : '\0', out Rune rune))
                {
                    return null;
                }

                i++;
                classes.Add(new ByteClass(Encode(CaseVariants.Of(rune), escaped)));
            }
            else
            {
                char[] variants = CaseVariants.Of(text[i]);
                var runes = new Rune[variants.Length];
                for (int v = 0; v < variants.Length; v++)
                {
                    runes[v] = new Rune(variants[v]);
                }

                classes.Add(new ByteClass(Encode(runes, escaped)));
            }
        }

        return classes.Count == 0 ? null : new NeedlePattern([.. classes]);
    }

    /// <summary>The first match in <paramref name="data"/>: its start and length, or -1.</summary>
    public int Find(ReadOnlySpan<byte> data, out int length) => Find(data, 0, out length, out _);

    /// <summary>
    /// The next match whose probed run starts at or after <paramref name="from"/>: its start (which
    /// can be before <paramref name="from"/>) and length, or -1. Calling again from
    /// <paramref name="next"/> visits every match exactly once, in the order of their runs.
    /// </summary>
    public int Find(ReadOnlySpan<byte> data, int from, out int length, out int next)
    {
        if (_firstBytes is not null)
        {
            while (from < data.Length)
            {
                int found = data[from..].IndexOfAny(_firstBytes);
                if (found < 0)
                {
                    break;
                }

                int at = from + found;
                from = at + 1;
                int end = MatchForward(data, at, 0);
                if (end >= 0)
                {
                    (length, next) = (end - at, from);
                    return at;
                }
            }

            (length, next) = (0, data.Length);
            return -1;
        }

        // x is where the probed run starts; its probes must be inside the data.
        int last = data.Length - 1 - int.Max(_probe0, _probe1);
        int x = from;
        ref byte origin = ref MemoryMarshal.GetReference(data);
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<byte> mask0 = Vector256.Create(_mask0), value0 = Vector256.Create(_value0);
            Vector256<byte> mask1 = Vector256.Create(_mask1), value1 = Vector256.Create(_value1);
            for (; x + Vector256<byte>.Count - 1 <= last; x += Vector256<byte>.Count)
            {
                Vector256<byte> first = Vector256.LoadUnsafe(ref origin, (nuint)(x + _probe0));
                Vector256<byte> second = Vector256.LoadUnsafe(ref origin, (nuint)(x + _probe1));
                uint bits = (Vector256.Equals(first | mask0, value0) & Vector256.Equals(second | mask1, value1)).ExtractMostSignificantBits();
                for (; bits != 0; bits &= bits - 1)
                {
                    int runAt = x + BitOperations.TrailingZeroCount(bits);
                    int start = TryMatch(data, runAt, out length);
                    if (start >= 0)
                    {
                        next = runAt + 1;
                        return start;
                    }
                }
            }
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Vector128<byte> mask0 = Vector128.Create(_mask0), value0 = Vector128.Create(_value0);
            Vector128<byte> mask1 = Vector128.Create(_mask1), value1 = Vector128.Create(_value1);
            for (; x + Vector128<byte>.Count - 1 <= last; x += Vector128<byte>.Count)
            {
                Vector128<byte> first = Vector128.LoadUnsafe(ref origin, (nuint)(x + _probe0));
                Vector128<byte> second = Vector128.LoadUnsafe(ref origin, (nuint)(x + _probe1));
                uint bits = (Vector128.Equals(first | mask0, value0) & Vector128.Equals(second | mask1, value1)).ExtractMostSignificantBits();
                for (; bits != 0; bits &= bits - 1)
                {
                    int runAt = x + BitOperations.TrailingZeroCount(bits);
                    int start = TryMatch(data, runAt, out length);
                    if (start >= 0)
                    {
                        next = runAt + 1;
                        return start;
                    }
                }
            }
        }

        for (; x <= last; x++)
        {
            if ((data[x + _probe0] | _mask0) == _value0 && (data[x + _probe1] | _mask1) == _value1)
            {
                int start = TryMatch(data, x, out length);
                if (start >= 0)
                {
                    next = x + 1;
                    return start;
                }
            }
        }

        (length, next) = (0, data.Length);
        return -1;
    }

    /// <summary>The whole pattern with its probed run at <paramref name="runAt"/>: the match's start, or -1.</summary>
    private int TryMatch(ReadOnlySpan<byte> data, int runAt, out int length)
    {
        int end = MatchForward(data, runAt, _runStart);
        int start = runAt;
        for (int c = _runStart - 1; c >= 0 && end >= 0; c--)
        {
            int matched = _classes[c].MatchBackward(data, start);
            if (matched < 0)
            {
                end = -1;
                break;
            }

            start -= matched;
        }

        length = end - start;
        return end < 0 ? -1 : start;
    }

    /// <summary>Classes <paramref name="fromClass"/> onwards matched from <paramref name="at"/>: where the match ends, or -1.</summary>
    private int MatchForward(ReadOnlySpan<byte> data, int at, int fromClass)
    {
        for (int c = fromClass; c < _classes.Length; c++)
        {
            int matched = _classes[c].MatchForward(data, at);
            if (matched < 0)
            {
                return -1;
            }

            at += matched;
        }

        return at;
    }

    /// <summary>
    /// The run of same-length classes whose two testable bytes are furthest apart (one byte when
    /// only one can be tested), or <see langword="null"/> when no byte can be tested.
    /// </summary>
    private static (int Run, int Probe0, byte Mask0, byte Value0, int Probe1, byte Mask1, byte Value1)? ChooseProbes(ByteClass[] classes)
    {
        (int Run, int Probe0, byte Mask0, byte Value0, int Probe1, byte Mask1, byte Value1)? best = null;
        int bestSpan = -1;
        for (int run = 0; run < classes.Length;)
        {
            if (classes[run].Length < 0)
            {
                run++;
                continue;
            }

            int offset = 0;
            (int At, byte Mask, byte Value)? first = null;
            (int At, byte Mask, byte Value)? lastProbe = null;
            int end = run;
            for (; end < classes.Length && classes[end].Length > 0; end++)
            {
                for (int b = 0; b < classes[end].Length; b++)
                {
                    if (classes[end].ProbeAt(b) is (byte mask, byte value))
                    {
                        first ??= (offset + b, mask, value);
                        lastProbe = (offset + b, mask, value);
                    }
                }

                offset += classes[end].Length;
            }

            if (first is { } p0 && lastProbe is { } p1 && p1.At - p0.At > bestSpan)
            {
                bestSpan = p1.At - p0.At;
                best = (run, p0.At, p0.Mask, p0.Value, p1.At, p1.Mask, p1.Value);
            }

            run = end;
        }

        return best;
    }

    /// <summary>Each rune in UTF-8, or as serde_json writes it inside a string.</summary>
    private static byte[][] Encode(Rune[] runes, bool escaped)
    {
        var members = new byte[runes.Length][];
        for (int i = 0; i < runes.Length; i++)
        {
            members[i] = escaped ? Escaped(runes[i]) : Utf8(runes[i]);
        }

        return members;
    }

    private static byte[] Utf8(Rune rune)
    {
        byte[] utf8 = new byte[rune.Utf8SequenceLength];
        rune.EncodeToUtf8(utf8);
        return utf8;
    }

    private static byte[] Escaped(Rune rune)
    {
        int value = rune.Value;
        switch (value)
        {
            case '"':
                return "\\\""u8.ToArray();
            case '\\':
                return "\\\\"u8.ToArray();
            case '\b':
                return "\\b"u8.ToArray();
            case '\f':
                return "\\f"u8.ToArray();
            case '\n':
                return "\\n"u8.ToArray();
            case '\r':
                return "\\r"u8.ToArray();
            case '\t':
                return "\\t"u8.ToArray();
            case < 0x20:
                const string Hex = "0123456789abcdef";
                return [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', (byte)Hex[value >> 4], (byte)Hex[value & 0xF]];
            default:
                return Utf8(rune);
        }
    }
}

using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rho.Fast;

/// <summary>
/// The number of Unicode scalar values (Rust's <c>chars().count()</c>) in valid UTF-8: every
/// byte but the continuation bytes 0x80..0xBF starts one.
/// </summary>
internal static class Utf8ScalarCount
{
    /// <summary>The scalars in <paramref name="utf8"/>, which must be valid UTF-8.</summary>
    public static long Of(ReadOnlySpan<byte> utf8)
    {
        long continuations = 0;
        int i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // As signed bytes the continuation bytes are exactly those below -64.
            ref sbyte start = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<byte, sbyte>(utf8));
            Vector128<sbyte> limit = Vector128.Create((sbyte)-64);
            for (; i <= utf8.Length - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
            {
                Vector128<sbyte> bytes = Vector128.LoadUnsafe(ref start, (nuint)i);
                continuations += BitOperations.PopCount(Vector128.LessThan(bytes, limit).ExtractMostSignificantBits());
            }
        }

        for (; i < utf8.Length; i++)
        {
            if ((sbyte)utf8[i] < -64)
            {
                continuations++;
            }
        }

        return utf8.Length - continuations;
    }
}

using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace Rho.Fast;

/// <summary>
/// Every character equal to a given one under <see cref="StringComparison.OrdinalIgnoreCase"/>,
/// the comparison a search's match is decided by, so a byte filter built from them never misses a
/// match (<c>é</c> has <c>É</c>; <c>ɐ</c> has <c>Ɐ</c>, a byte longer in UTF-8).
/// </summary>
internal static class CaseVariants
{
    // Filled on first use, one BMP character at a time: a lookup compares against every BMP character once.
    private static readonly char[]?[] s_variants = new char[]?[char.MaxValue + 1];

    /// <summary>The characters equal to <paramref name="c"/> ignoring case, <paramref name="c"/> first.</summary>
    public static char[] Of(char c)
    {
        char[]? known = Volatile.Read(ref s_variants[c]);
        if (known is not null)
        {
            return known;
        }

        var variants = new List<char> { c };
        if (!char.IsSurrogate(c))
        {
            ReadOnlySpan<char> self = [c];
            for (int d = 0; d <= char.MaxValue; d++)
            {
                char other = (char)d;
                if (other != c && !char.IsSurrogate(other) && self.Equals([other], StringComparison.OrdinalIgnoreCase))
                {
                    variants.Add(other);
                }
            }
        }

        char[] result = [.. variants];
        Volatile.Write(ref s_variants[c], result);
        return result;
    }

    /// <summary>The characters outside the BMP equal to <paramref name="rune"/> ignoring case (its upper and lower case forms), <paramref name="rune"/> first.</summary>
    public static Rune[] Of(Rune rune)
    {
        var variants = new List<Rune> { rune };
        Span<char> self = stackalloc char[2];
        Span<char> other = stackalloc char[2];
        int selfLength = rune.EncodeToUtf16(self);
        foreach (Rune candidate in (ReadOnlySpan<Rune>)[Rune.ToUpperInvariant(rune), Rune.ToLowerInvariant(rune)])
        {
            int otherLength = candidate.EncodeToUtf16(other);
            if (!variants.Contains(candidate) && ((ReadOnlySpan<char>)self[..selfLength]).Equals(other[..otherLength], StringComparison.OrdinalIgnoreCase))
            {
                variants.Add(candidate);
            }
        }

        return [.. variants];
    }
}

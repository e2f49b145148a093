using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace Rho.Fast.Serialization;

/// <summary>
/// Orders strings by their UTF-8 bytes, as Rust's <c>BTreeMap&lt;String, _&gt;</c> does. Ordinal
/// UTF-16 order differs only where a surrogate pair meets a character from U+E000 to U+FFFF: the
/// pair (U+10000 and above) sorts after it in UTF-8.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class Utf8Order : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static Utf8Order Instance { get; } = new();

    private Utf8Order()
    {
    }

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int length = Math.Min(x.Length, y.Length);
        for (int i = 0; i < length; i++)
        {
            char a = x[i];
            char b = y[i];
            if (a != b)
            {
                return Rank(a) - Rank(b);
            }
        }

        return x.Length - y.Length;
    }

    // Surrogates move above U+FFFF so code units compare in code point order.
    private static int Rank(char c) => c >= 0xD800 && c <= 0xDFFF ? c + 0x2000 : c >= 0xE000 ? c - 0x800 : c;
}

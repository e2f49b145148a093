using System;
using System.Text;

namespace Rho.Fast;

/// <summary>
/// The name of a working directory's session folder, as rho computes it: the path with every char
/// that is not an ASCII letter or digit replaced by <c>-</c>, then <c>-</c> and the 64-bit FNV-1a
/// hash of the path's UTF-8 bytes as 16 lowercase hex digits (so <c>/a/b</c> and <c>/a-b</c> differ).
/// </summary>
public static class WorkspaceKey
{
    private const ulong FnvOffset = 0xcbf29ce484222325;
    private const ulong FnvPrime = 0x100000001b3;

    /// <summary>The workspace key of <paramref name="cwd"/>.</summary>
    /// <param name="cwd">The working directory, as given (it is not normalized).</param>
    public static string For(string cwd)
    {
        ArgumentNullException.ThrowIfNull(cwd);
        return Encode(cwd) + "-" + Hash(cwd).ToString("x16");
    }

    /// <summary>The path with each non-alphanumeric char (a Unicode scalar, as Rust counts chars) replaced by <c>-</c>.</summary>
    /// <param name="cwd">The working directory.</param>
    public static string Encode(string cwd)
    {
        var builder = new StringBuilder(cwd.Length);
        foreach (Rune rune in cwd.EnumerateRunes())
        {
            builder.Append(rune.IsAscii && char.IsAsciiLetterOrDigit((char)rune.Value) ? (char)rune.Value : '-');
        }

        return builder.ToString();
    }

    /// <summary>FNV-1a (64-bit) of the path's UTF-8 bytes.</summary>
    /// <param name="cwd">The working directory.</param>
    public static ulong Hash(string cwd)
    {
        ulong hash = FnvOffset;
        foreach (byte b in Encoding.UTF8.GetBytes(cwd))
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return hash;
    }
}

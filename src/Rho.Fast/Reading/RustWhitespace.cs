using System;
using System.Text;

namespace Rho.Fast;

/// <summary>
/// Rust's <c>str::trim().is_empty()</c>, which decides which lines the reference skips: every
/// char has the Unicode White_Space property. U+FEFF and U+001C..U+001F are not whitespace.
/// </summary>
internal static class RustWhitespace
{
    /// <summary>Whether the line holds only whitespace; invalid UTF-8 is content, not whitespace.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        // Almost every line starts with '{': answer without a loop.
        if (line.IsEmpty)
        {
            return true;
        }

        if (line[0] == (byte)'{')
        {
            return false;
        }

        while (!line.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(line, out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done || !IsWhiteSpace(rune.Value))
            {
                return false;
            }

            line = line.Slice(consumed);
        }

        return true;
    }

    private static bool IsWhiteSpace(int c) =>
        c is (>= 0x09 and <= 0x0D) or 0x20 or 0x85 or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A)
            or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;
}

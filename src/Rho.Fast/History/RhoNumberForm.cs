using System;
using System.Buffers.Text;

namespace Rho.Fast;

/// <summary>
/// What a JSON number in a free value becomes in rho 1.47: an integer that fits u64 (or, when
/// negative, i64) is kept as written; <c>-0</c>, a larger integer and any number with a fraction or
/// exponent become a float, read by <see cref="RhoFloat.TryParse"/> and written by <see cref="RhoFloat.Format"/>.
/// </summary>
internal static class RhoNumberForm
{
    /// <summary>Whether <paramref name="literal"/> (one JSON number) is already written as rho writes it.</summary>
    /// <remarks>A literal that is not a JSON number, or is out of range, is not: <see cref="Write"/> says why.</remarks>
    public static bool IsCanonical(ReadOnlySpan<byte> literal)
    {
        if (IsKeptInteger(literal, out bool isInteger))
        {
            return true;
        }

        if (isInteger || !RhoFloat.TryParse(literal, out double value, out _))
        {
            return false;
        }

        Span<byte> text = stackalloc byte[RhoFloat.MaxLength];
        int length = RhoFloat.Format(value, text);
        return text[..length].SequenceEqual(literal);
    }

    /// <summary>
    /// Writes rho's form of <paramref name="literal"/> into <paramref name="destination"/>, which
    /// needs <see cref="MaxLength"/> bytes for it; returns the bytes written, or -1 when the
    /// literal is not a JSON number or is out of range (<paramref name="problem"/> says which).
    /// </summary>
    public static int Write(ReadOnlySpan<byte> literal, Span<byte> destination, out string? problem)
    {
        problem = null;
        if (IsKeptInteger(literal, out _))
        {
            literal.CopyTo(destination);
            return literal.Length;
        }

        return RhoFloat.TryParse(literal, out double value, out problem) ? RhoFloat.Format(value, destination) : -1;
    }

    /// <summary>The room <see cref="Write"/> needs for <paramref name="literal"/>.</summary>
    public static int MaxLength(ReadOnlySpan<byte> literal) => Math.Max(literal.Length, RhoFloat.MaxLength);

    /// <summary>
    /// Whether <paramref name="literal"/> is an integer that serde_json keeps as u64 or i64, and so
    /// writes back unchanged; <paramref name="isInteger"/> says whether it is a well-formed integer at all.
    /// </summary>
    private static bool IsKeptInteger(ReadOnlySpan<byte> literal, out bool isInteger)
    {
        bool negative = !literal.IsEmpty && literal[0] == (byte)'-';
        ReadOnlySpan<byte> digits = negative ? literal[1..] : literal;
        isInteger = !digits.IsEmpty
            && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && (digits[0] != (byte)'0' || digits.Length == 1);
        if (!isInteger)
        {
            return false;
        }

        // -0 is a float in serde_json (-0.0); a negative integer below i64 and any beyond u64 too.
        return negative
            ? digits[0] != (byte)'0' && Utf8Parser.TryParse(literal, out long _, out int consumed) && consumed == literal.Length
            : Utf8Parser.TryParse(literal, out ulong _, out consumed) && consumed == literal.Length;
    }
}

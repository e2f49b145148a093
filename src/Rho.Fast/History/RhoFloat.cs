using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// Floats as rho 1.47 reads and writes them in a free JSON value: serde_json 1.0.150's default
/// parser (without <c>float_roundtrip</c>, so not correctly rounded) and its writer (shortest
/// round-trip digits, <c>1e+16</c> with an explicit <c>+</c>).
/// </summary>
internal static class RhoFloat
{
    /// <summary>Room for any float <see cref="Format"/> writes.</summary>
    public const int MaxLength = SerdeNumbers.MaxDoubleLength;

    /// <summary>The number of entries of <see cref="Powers"/>: serde_json's table stops at 1e308.</summary>
    private const int PowerCount = 309;

    private const int QuoteLength = 40;

    private const ulong MaxTenth = ulong.MaxValue / 10;
    private const ulong MaxLastDigit = ulong.MaxValue % 10;

    /// <summary>10^0 to 10^308, each the correctly rounded double.</summary>
    private static readonly double[] Powers = BuildPowers();

    /// <summary>The double serde_json reads from the JSON number <paramref name="number"/>, integers included.</summary>
    /// <exception cref="WireFormatException">Not a JSON number, or beyond the range of a double.</exception>
    public static double Parse(ReadOnlySpan<byte> number)
    {
        if (!TryParse(number, out double value, out string? problem))
        {
            // Named after the Rust type rho reads the number as.
            throw new WireFormatException("f64", null, null, problem)
            {
                Value = System.Text.Encoding.UTF8.GetString(number[..Math.Min(number.Length, QuoteLength)]),
            };
        }

        return value;
    }

    /// <summary>Writes finite <paramref name="value"/> as serde_json 1.0.150 does; returns the bytes written.</summary>
    /// <param name="value">A finite double.</param>
    /// <param name="destination">At least <see cref="MaxLength"/> bytes.</param>
    public static int Format(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "serde_json writes only finite floats.");
        }

        return SerdeNumbers.FormatDouble(value, destination, plusExponent: true);
    }

    /// <summary>
    /// As <see cref="Parse"/>, without throwing: <paramref name="problem"/> says what is wrong when
    /// the result is <see langword="false"/>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> number, out double value, [NotNullWhen(false)] out string? problem)
    {
        // The steps and their overflow rules follow serde_json's parse_integer, parse_number,
        // parse_decimal, parse_exponent and f64_from_parts, so that every number comes out as the
        // same double, including those that a correctly rounded parse would read differently.
        value = 0;
        problem = null;
        int i = 0;
        bool positive = true;
        if (i < number.Length && number[i] == (byte)'-')
        {
            positive = false;
            i++;
        }

        if (i >= number.Length || !IsDigit(number[i]))
        {
            problem = "a number must start with a digit";
            return false;
        }

        ulong significand = 0;
        int exponent = 0;
        if (number[i] == (byte)'0')
        {
            i++;
            if (i < number.Length && IsDigit(number[i]))
            {
                problem = "a number must not have a leading zero";
                return false;
            }
        }
        else
        {
            while (i < number.Length && IsDigit(number[i]))
            {
                ulong digit = (ulong)(number[i] - '0');
                if (Overflows(significand, digit))
                {
                    // Past u64 the digits are dropped, each one adding to the exponent.
                    while (i < number.Length && IsDigit(number[i]))
                    {
                        exponent++;
                        i++;
                    }

                    break;
                }

                significand = (significand * 10) + digit;
                i++;
            }
        }

        if (i < number.Length && number[i] == (byte)'.')
        {
            i++;
            int fractionDigits = 0;
            while (i < number.Length && IsDigit(number[i]))
            {
                ulong digit = (ulong)(number[i] - '0');
                if (Overflows(significand, digit))
                {
                    // From the first digit that does not fit, the rest of the fraction is ignored.
                    while (i < number.Length && IsDigit(number[i]))
                    {
                        i++;
                    }

                    fractionDigits++;
                    break;
                }

                significand = (significand * 10) + digit;
                exponent--;
                fractionDigits++;
                i++;
            }

            if (fractionDigits == 0)
            {
                problem = "a number's decimal point must be followed by a digit";
                return false;
            }
        }

        if (i < number.Length && (number[i] | 0x20) == (byte)'e')
        {
            i++;
            bool positiveExponent = true;
            if (i < number.Length && number[i] is (byte)'+' or (byte)'-')
            {
                positiveExponent = number[i] == (byte)'+';
                i++;
            }

            if (i >= number.Length || !IsDigit(number[i]))
            {
                problem = "a number's exponent must have a digit";
                return false;
            }

            int written = 0;
            bool huge = false;
            while (i < number.Length && IsDigit(number[i]))
            {
                int digit = number[i] - '0';
                if (written >= int.MaxValue / 10 && (written > int.MaxValue / 10 || digit > int.MaxValue % 10))
                {
                    huge = true;
                }
                else if (!huge)
                {
                    written = (written * 10) + digit;
                }

                i++;
            }

            if (i != number.Length)
            {
                problem = "a number must end after its exponent";
                return false;
            }

            if (huge)
            {
                // An exponent beyond i32: zero for a zero significand or a negative exponent.
                if (significand != 0 && positiveExponent)
                {
                    problem = "the number is out of range for a 64-bit float";
                    return false;
                }

                value = positive ? 0.0 : -0.0;
                return true;
            }

            exponent = positiveExponent ? SaturatingAdd(exponent, written) : SaturatingAdd(exponent, -written);
        }
        else if (i != number.Length)
        {
            problem = "a number must end after its digits";
            return false;
        }

        return FromParts(positive, significand, exponent, out value, out problem);
    }

    /// <summary>serde_json's f64_from_parts without float_roundtrip: one rounding for the significand, one per power of ten.</summary>
    private static bool FromParts(bool positive, ulong significand, int exponent, out double value, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        double f = significand;
        while (true)
        {
            // int.MinValue has no absolute value; serde's wrapping_abs leaves it out of the table too.
            int magnitude = exponent == int.MinValue ? int.MaxValue : Math.Abs(exponent);
            if (magnitude < PowerCount)
            {
                if (exponent >= 0)
                {
                    f *= Powers[magnitude];
                    if (double.IsInfinity(f))
                    {
                        problem = "the number is out of range for a 64-bit float";
                        value = 0;
                        return false;
                    }
                }
                else
                {
                    f /= Powers[magnitude];
                }

                break;
            }

            if (f == 0)
            {
                break;
            }

            if (exponent >= 0)
            {
                problem = "the number is out of range for a 64-bit float";
                value = 0;
                return false;
            }

            f /= 1e308;
            exponent += 308;
        }

        value = positive ? f : -f;
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>Whether <c>significand * 10 + digit</c> is beyond u64 (serde_json's overflow! macro).</summary>
    private static bool Overflows(ulong significand, ulong digit) =>
        significand >= MaxTenth && (significand > MaxTenth || digit > MaxLastDigit);

    private static int SaturatingAdd(int a, int b)
    {
        long sum = (long)a + b;
        return sum > int.MaxValue ? int.MaxValue : sum < int.MinValue ? int.MinValue : (int)sum;
    }

    private static double[] BuildPowers()
    {
        // .NET's parser is correctly rounded, as the literals of serde_json's table are.
        var powers = new double[PowerCount];
        Span<byte> text = stackalloc byte[8];
        text[0] = (byte)'1';
        text[1] = (byte)'e';
        for (int k = 0; k < PowerCount; k++)
        {
            k.TryFormat(text[2..], out int digits, default, CultureInfo.InvariantCulture);
            powers[k] = double.Parse(text[..(2 + digits)], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return powers;
    }
}

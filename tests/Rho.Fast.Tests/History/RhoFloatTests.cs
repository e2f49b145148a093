using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests.History;

/// <summary>Floats read with serde_json 1.0.150's default (inexact) parser and written in its 1.0.150 form.</summary>
public sealed class RhoFloatTests
{
    [Theory]
    // FORMAT-V4 §4.2 and the rho 1.47 fixtures.
    [InlineData("1818.4969776440503", "1818.4969776440505")]
    [InlineData("3686.5562928948557", "3686.556292894856")]
    [InlineData("963.5991466830301", "963.59914668303")]
    [InlineData("1e300", "1e+300")]
    [InlineData("1e+21", "1e+21")]
    [InlineData("1e16", "1e+16")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("2.5e-300", "2.5e-300")]
    [InlineData("1.7976931348623157e+308", "1.7976931348623157e+308")]
    [InlineData("18446744073709551616", "1.8446744073709552e+19")]
    [InlineData("-0", "-0.0")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("1.5", "1.5")]
    [InlineData("0.1", "0.1")]
    [InlineData("123456.789", "123456.789")]
    public void Reads_and_writes_as_rho_does(string literal, string expected)
    {
        double value = RhoFloat.Parse(Encoding.ASCII.GetBytes(literal));
        Assert.Equal(expected, Format(value));
    }

    [Fact]
    public void The_parse_is_serde_jsons_inexact_one_not_a_correctly_rounded_one()
    {
        // 18184969776440503 / 10^13 in two roundings lands one ulp above the nearest double.
        double serde = RhoFloat.Parse("1818.4969776440503"u8);
        double nearest = double.Parse("1818.4969776440503", CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(nearest) + 1, BitConverter.DoubleToInt64Bits(serde));
    }

    [Theory]
    // Plain notation from 1e-5 up to below 1e16, as ryu and zmij lay numbers out.
    [InlineData(1e-7, "1e-7")]
    [InlineData(1e-6, "1e-6")]
    [InlineData(1.2345e-6, "1.2345e-6")]
    [InlineData(1e-5, "0.00001")]
    [InlineData(1.2345e-5, "0.000012345")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(9999999999999998.0, "9999999999999998.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e16, "1.5e+16")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-1.7976931348623157e308, "-1.7976931348623157e+308")]
    [InlineData(2.9802322387695312e-8, "2.9802322387695312e-8")]
    public void Formats_at_the_layout_boundaries(double value, string expected) => Assert.Equal(expected, Format(value));

    [Theory]
    [InlineData("0e999999999999", 0.0)]
    [InlineData("-0e-999999999999", -0.0)]
    [InlineData("1e-999999999999", 0.0)]
    [InlineData("1e-400", 0.0)]
    [InlineData("-1e-400", -0.0)]
    [InlineData("0.0e2147483648", 0.0)]
    [InlineData("1.00000000000000000000000001", 1.0)]
    [InlineData("18446744073709551616.0", 1.8446744073709552e19)]
    [InlineData("123456789012345678901234567890", 1.2345678901234568e29)]
    [InlineData("1e308", 1e308)]
    [InlineData("10e307", 1e308)]
    public void Reads_the_edges_of_serdes_parser(string literal, double expected)
    {
        double value = RhoFloat.Parse(Encoding.ASCII.GetBytes(literal));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("1e400", "out of range")]
    [InlineData("1.8e308", "out of range")]
    [InlineData("-1e309", "out of range")]
    [InlineData("1e2147483648", "out of range")]
    [InlineData("", "start with a digit")]
    [InlineData("-", "start with a digit")]
    [InlineData("+1", "start with a digit")]
    [InlineData(".5", "start with a digit")]
    [InlineData("01", "leading zero")]
    [InlineData("1.", "decimal point")]
    [InlineData("1.e5", "decimal point")]
    [InlineData("1e", "exponent")]
    [InlineData("1e+", "exponent")]
    [InlineData("1x", "end after its digits")]
    [InlineData("1e5x", "end after its exponent")]
    public void Refuses_what_serde_json_refuses(string literal, string problem)
    {
        var error = Assert.Throws<WireFormatException>(() => RhoFloat.Parse(Encoding.ASCII.GetBytes(literal)));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_that_need_one_rounding_read_as_the_nearest_double()
    {
        // A significand below 2^53 and a power of ten up to 10^22 are exact doubles, so serde's
        // single multiply or divide is correctly rounded: it must agree with .NET's parser.
        var random = new Random(2024);
        for (int trial = 0; trial < 20000; trial++)
        {
            long significand = random.NextInt64(1, 1L << 53);
            int exponent = random.Next(-22, 23);
            string literal = significand.ToString(CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
            double expected = double.Parse(literal, CultureInfo.InvariantCulture);
            Assert.Equal(expected, RhoFloat.Parse(Encoding.ASCII.GetBytes(literal)));
        }
    }

    [Fact]
    public void Random_doubles_are_written_in_the_fewest_digits_that_read_back()
    {
        var random = new Random(77);
        for (int trial = 0; trial < 100_000; trial++)
        {
            double value = BitConverter.Int64BitsToDouble(random.NextInt64() ^ ((long)random.Next(2) << 63));
            if (!double.IsFinite(value))
            {
                continue;
            }

            string text = Format(value);
            Assert.Equal(value, double.Parse(text, CultureInfo.InvariantCulture));
            (string digits, int exponent) = Digits(text);
            if (digits.Length > 1)
            {
                // The two decimals of one digit fewer around the value, and one more each side
                // (the correctly rounded one is one of the two): none may read back as the value.
                string shorter = Math.Abs(value).ToString("E" + (digits.Length - 2).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                (string nearDigits, int nearExponent) = Digits(shorter);
                BigInteger near = BigInteger.Parse(nearDigits.PadRight(digits.Length - 1, '0'), CultureInfo.InvariantCulture);
                int scale = nearExponent - (digits.Length - 2);
                for (int step = -1; step <= 1; step++)
                {
                    string candidate = (near + step).ToString(CultureInfo.InvariantCulture) + "e" + scale.ToString(CultureInfo.InvariantCulture);
                    Assert.NotEqual(Math.Abs(value), double.Parse(candidate, CultureInfo.InvariantCulture));
                }
            }

            Assert.Equal(Layout(value < 0 || (value == 0 && double.IsNegative(value)), digits, exponent), text);
        }
    }

    [Fact]
    public void Doubles_are_written_as_the_exact_shortest_nearest_decimal()
    {
        // Against a reference computed exactly: every power of two (where the neighbour below is
        // nearer than the one above), the smallest subnormals, and random doubles.
        var random = new Random(5);
        for (int exponentBits = 1; exponentBits < 2047; exponentBits++)
        {
            AssertShortest(BitConverter.Int64BitsToDouble((long)exponentBits << 52));
        }

        for (int bit = 0; bit < 52; bit++)
        {
            AssertShortest(BitConverter.Int64BitsToDouble(1L << bit));
        }

        for (int trial = 0; trial < 3000; trial++)
        {
            double value = BitConverter.Int64BitsToDouble(random.NextInt64() & long.MaxValue);
            if (double.IsFinite(value) && value != 0)
            {
                AssertShortest(value);
            }
        }
    }

    private static void AssertShortest(double value)
    {
        (BigInteger digits, int scale) = ExactShortest(value);
        string expectedDigits = digits.ToString(CultureInfo.InvariantCulture);
        int expectedExponent = scale + expectedDigits.Length - 1;
        Assert.Equal(Layout(negative: false, expectedDigits, expectedExponent), Format(value));
    }

    /// <summary>
    /// The shortest decimal <c>digits × 10^scale</c> inside the interval of reals that round to
    /// <paramref name="value"/> (its ends included when the significand is even), the nearest one
    /// when there are several; computed with exact integers.
    /// </summary>
    private static (BigInteger Digits, int Scale) ExactShortest(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        long fraction = bits & 0xF_FFFF_FFFF_FFFF;
        int biased = (int)(bits >> 52) & 0x7FF;
        BigInteger significand = biased == 0 ? fraction : fraction | (1L << 52);
        int binaryExponent = biased == 0 ? -1074 : biased - 1075;
        bool inclusive = significand.IsEven;

        // Four times the value and its interval ends, over a common denominator.
        BigInteger center = 4 * significand;
        BigInteger low = center - (fraction == 0 && biased > 1 ? 1 : 2);
        BigInteger high = center + 2;
        BigInteger denominator = 4;
        if (binaryExponent >= 0)
        {
            BigInteger power = BigInteger.Pow(2, binaryExponent);
            center *= power;
            low *= power;
            high *= power;
        }
        else
        {
            denominator = 4 * BigInteger.Pow(2, -binaryExponent);
        }

        for (int scale = (int)Math.Floor(Math.Log10(value)) + 2; ; scale--)
        {
            BigInteger unit = scale >= 0 ? BigInteger.Pow(10, scale) * denominator : denominator;
            BigInteger widen = scale >= 0 ? 1 : BigInteger.Pow(10, -scale);
            BigInteger l = low * widen, h = high * widen, c = center * widen;
            BigInteger first = BigInteger.Divide(l + unit - 1, unit);
            if (!inclusive && first * unit == l)
            {
                first++;
            }

            BigInteger last = BigInteger.Divide(h, unit);
            if (!inclusive && last * unit == h)
            {
                last--;
            }

            if (first <= last)
            {
                BigInteger quotient = BigInteger.DivRem(c, unit, out BigInteger remainder);
                BigInteger nearest = 2 * remainder > unit || (2 * remainder == unit && !quotient.IsEven) ? quotient + 1 : quotient;
                return (BigInteger.Min(BigInteger.Max(nearest, first), last), scale);
            }
        }
    }

    /// <summary>The significant digits of a decimal text (no leading or trailing zeros) and the exponent of the first one.</summary>
    private static (string Digits, int Exponent) Digits(string text)
    {
        string body = text.TrimStart('-');
        int exponent = 0;
        int e = body.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = int.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            body = body[..e];
        }

        int point = body.IndexOf('.', StringComparison.Ordinal);
        string all = body.Replace(".", "", StringComparison.Ordinal);
        if (point < 0)
        {
            point = body.Length;
        }

        int lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        string digits = all[lead..].TrimEnd('0');
        return digits.Length == 0 ? ("0", 0) : (digits, point - lead - 1 + exponent);
    }

    /// <summary>zmij's layout: plain when the exponent is from -5 to 15 (with <c>.0</c> for whole numbers), else <c>d.ddde±x</c>.</summary>
    private static string Layout(bool negative, string digits, int exponent)
    {
        string sign = negative ? "-" : "";
        if (digits == "0")
        {
            return sign + "0.0";
        }

        if (exponent is >= -5 and <= 15)
        {
            if (exponent < 0)
            {
                return sign + "0." + new string('0', -exponent - 1) + digits;
            }

            return digits.Length <= exponent + 1
                ? sign + digits.PadRight(exponent + 1, '0') + ".0"
                : sign + digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
        }

        string mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        return sign + mantissa + "e" + (exponent > 0 ? "+" : "") + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[RhoFloat.MaxLength];
        return Encoding.ASCII.GetString(buffer[..RhoFloat.Format(value, buffer)]);
    }
}

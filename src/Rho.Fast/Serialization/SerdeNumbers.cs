using System;
using System.Globalization;

namespace Rho.Fast.Serialization;

/// <summary>
/// Formats a finite <see cref="double"/> the way serde_json does (through the ryu crate): the
/// shortest digits that round-trip, as <c>1.0</c>, <c>0.000025</c>, <c>1e16</c>, <c>1.5e-7</c>.
/// serde_json 1.0.147 and later (through the zmij crate) give the same digits and layout, with a
/// <c>+</c> before a positive exponent (<c>1e+16</c>).
/// </summary>
internal static class SerdeNumbers
{
    /// <summary>Enough for a sign, 17 digits, a point, 5 leading zeros, and an exponent.</summary>
    public const int MaxDoubleLength = 32;

    /// <summary>Writes <paramref name="value"/> (finite) into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int FormatDouble(double value, Span<byte> destination) => FormatDouble(value, destination, plusExponent: false);

    /// <summary>
    /// As <see cref="FormatDouble(double, Span{byte})"/>; with <paramref name="plusExponent"/>, a positive
    /// exponent is written with its sign (<c>1e+16</c>), as serde_json 1.0.147 and later write it.
    /// </summary>
    public static int FormatDouble(double value, Span<byte> destination, bool plusExponent)
    {
        // .NET gives the same shortest round-trip digits as ryu; only the layout differs.
        Span<byte> text = stackalloc byte[MaxDoubleLength];
        value.TryFormat(text, out int textLength, "R", CultureInfo.InvariantCulture);
        if ((BitConverter.DoubleToInt64Bits(value) & 0xF_FFFF_FFFF_FFFF) == 0 && !RoundTrips(text.Slice(0, textLength), value))
        {
            textLength = ShortestByPrecision(value, text);
        }

        return Layout(text.Slice(0, textLength), destination, maxPlain: 16, minPlain: -5, plusExponent);
    }

    /// <summary>
    /// At a power of two the neighbour below is nearer than the one above, and .NET's "R" can miss
    /// that (2^-25 comes out as 2.980232238769531E-08, which reads back as the double below it).
    /// </summary>
    private static bool RoundTrips(ReadOnlySpan<byte> text, double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double back) && back == value;

    /// <summary>The fewest correctly rounded digits that read back as <paramref name="value"/>, as ryu finds them.</summary>
    private static int ShortestByPrecision(double value, Span<byte> text)
    {
        int length = 0;
        for (int precision = 15; precision <= 17; precision++)
        {
            value.TryFormat(text, out length, precision == 15 ? "E14" : precision == 16 ? "E15" : "E16", CultureInfo.InvariantCulture);
            if (RoundTrips(text.Slice(0, length), value))
            {
                break;
            }
        }

        return length;
    }

    /// <summary>Writes <paramref name="value"/> (finite) as serde_json writes an f32: its own shortest digits, ryu's format32 layout.</summary>
    public static int FormatSingle(float value, Span<byte> destination)
    {
        Span<byte> text = stackalloc byte[MaxDoubleLength];
        value.TryFormat(text, out int textLength, "R", CultureInfo.InvariantCulture);
        return Layout(text.Slice(0, textLength), destination, maxPlain: 13, minPlain: -6, plusExponent: false);
    }

    private static int Layout(Span<byte> text, Span<byte> destination, int maxPlain, int minPlain, bool plusExponent)
    {
        int pos = 0;
        if (text[0] == (byte)'-')
        {
            destination[pos++] = (byte)'-';
            text = text.Slice(1);
        }

        // Split "d.dddE+xx" into its digits and the place of the decimal point.
        Span<byte> digits = stackalloc byte[MaxDoubleLength];
        int length = 0;
        int pointAt = -1;
        int exponent = 0;
        for (int i = 0; i < text.Length; i++)
        {
            byte c = text[i];
            if (c == (byte)'.')
            {
                pointAt = length;
            }
            else if (c == (byte)'E')
            {
                exponent = int.Parse(text.Slice(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
            {
                digits[length++] = c;
            }
        }

        if (pointAt < 0)
        {
            pointAt = length;
        }

        // Normalize to digits d1..dn with no leading or trailing zeros and value = 0.d1..dn * 10^kk.
        int lead = 0;
        while (lead < length && digits[lead] == (byte)'0')
        {
            lead++;
        }

        if (lead == length)
        {
            "0.0"u8.CopyTo(destination.Slice(pos));
            return pos + 3;
        }

        int kk = pointAt - lead + exponent;
        Span<byte> d = digits.Slice(lead, length - lead);
        int n = d.Length;
        while (d[n - 1] == (byte)'0')
        {
            n--;
        }

        d = d.Slice(0, n);
        int k = kk - n;

        // The layout rules of ryu's format64 and format32, which serde_json uses.
        if (k >= 0 && kk <= maxPlain)
        {
            d.CopyTo(destination.Slice(pos));
            pos += n;
            destination.Slice(pos, k).Fill((byte)'0');
            pos += k;
            destination[pos++] = (byte)'.';
            destination[pos++] = (byte)'0';
        }
        else if (kk > 0 && kk <= maxPlain)
        {
            d.Slice(0, kk).CopyTo(destination.Slice(pos));
            pos += kk;
            destination[pos++] = (byte)'.';
            d.Slice(kk).CopyTo(destination.Slice(pos));
            pos += n - kk;
        }
        else if (kk > minPlain && kk <= 0)
        {
            destination[pos++] = (byte)'0';
            destination[pos++] = (byte)'.';
            destination.Slice(pos, -kk).Fill((byte)'0');
            pos += -kk;
            d.CopyTo(destination.Slice(pos));
            pos += n;
        }
        else
        {
            destination[pos++] = d[0];
            if (n > 1)
            {
                destination[pos++] = (byte)'.';
                d.Slice(1).CopyTo(destination.Slice(pos));
                pos += n - 1;
            }

            destination[pos++] = (byte)'e';
            if (plusExponent && kk > 1)
            {
                destination[pos++] = (byte)'+';
            }

            (kk - 1).TryFormat(destination.Slice(pos), out int expLength, default, CultureInfo.InvariantCulture);
            pos += expLength;
        }

        return pos;
    }
}

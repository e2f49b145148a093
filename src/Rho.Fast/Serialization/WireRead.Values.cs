using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>Readers for the value types beyond JSON's own: f32, 128-bit integers, chars, map keys and <see cref="JsonValue"/>.</summary>
public static partial class WireRead
{
    /// <summary>Reads a number as <see cref="float"/> as serde_json does: parsed as a double, then rounded (so <c>1e39</c> is infinity).</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static float Single(ref WireReader reader, string type, string? caseName, string? field) =>
        (float)Double(ref reader, type, caseName, field);

    /// <summary>Reads an <see cref="System.Int128"/>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static Int128 Int128(ref WireReader reader, string type, string? caseName, string? field) =>
        System.Int128.TryParse(ExpectNumber(ref reader, type, caseName, field).ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out Int128 value)
            ? value
            : throw OutOfRange(ref reader, type, caseName, field, "i128");

    /// <summary>Reads a <see cref="System.UInt128"/>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static UInt128 UInt128(ref WireReader reader, string type, string? caseName, string? field) =>
        System.UInt128.TryParse(ExpectNumber(ref reader, type, caseName, field).ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out UInt128 value)
            ? value
            : throw OutOfRange(ref reader, type, caseName, field, "u128");

    /// <summary>Reads a string of exactly one Unicode scalar value (Rust's <c>char</c>).</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static Rune Rune(ref WireReader reader, string type, string? caseName, string? field)
    {
        string text = String(ref reader, type, caseName, field);
        if (System.Text.Rune.DecodeFromUtf16(text, out Rune rune, out int used) == System.Buffers.OperationStatus.Done && used == text.Length)
        {
            return rune;
        }

        throw new WireFormatException(type, caseName, field, "expected a string of one character, found " + Quote(text), reader.TokenStartIndex);
    }

    /// <summary>Reads a string of exactly one UTF-16 character.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static char Char(ref WireReader reader, string type, string? caseName, string? field)
    {
        string text = String(ref reader, type, caseName, field);
        return text.Length == 1 && !char.IsSurrogate(text[0])
            ? text[0]
            : throw new WireFormatException(type, caseName, field, "expected a string of one character, found " + Quote(text), reader.TokenStartIndex);
    }

    /// <summary>Reads any JSON value, normalized as serde_json's <c>Value</c> writes it.</summary>
    /// <param name="reader">The wire reader, on the value's first token; left on its last.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static JsonValue Value(ref WireReader reader, string type, string? caseName, string? field) =>
        JsonValue.Read(ref reader, type, caseName, field);

    /// <summary>The current property name as a map key string.</summary>
    /// <param name="reader">The wire reader, on a property name.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The map field being read, for errors.</param>
    public static string KeyString(ref WireReader reader, string type, string? caseName, string? field)
    {
        try
        {
            return reader.GetString();
        }
        catch (FormatException e)
        {
            throw new WireFormatException(type, caseName, field, "a key is not valid Unicode: " + e.Message, reader.TokenStartIndex, e);
        }
    }

    /// <summary>
    /// The current property name as an integer map key, parsed as Rust's <c>FromStr</c> does:
    /// digits with an optional sign (<c>+</c> too), leading zeros allowed.
    /// </summary>
    /// <param name="reader">The wire reader, on a property name.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The map field being read, for errors.</param>
    /// <param name="signed">Whether a minus sign is allowed.</param>
    /// <param name="min">The smallest value the key type holds.</param>
    /// <param name="max">The largest value the key type holds.</param>
    public static Int128 IntegerKey(ref WireReader reader, string type, string? caseName, string? field, bool signed, Int128 min, Int128 max)
    {
        string text = KeyString(ref reader, type, caseName, field);
        ReadOnlySpan<char> digits = text;
        bool negative = false;
        if (digits.Length > 0 && (digits[0] == '+' || (signed && digits[0] == '-')))
        {
            negative = digits[0] == '-';
            digits = digits[1..];
        }

        Int128 value = 0;
        bool ok = digits.Length > 0;
        foreach (char c in digits)
        {
            if (c < '0' || c > '9' || value > max)
            {
                ok = false;
                break;
            }

            value = (value * 10) + (c - '0');
        }

        if (negative)
        {
            value = -value;
        }

        if (!ok || value < min || value > max)
        {
            throw new WireFormatException(type, caseName, field, "invalid integer key " + Quote(text), reader.TokenStartIndex);
        }

        return value;
    }

    /// <summary>An error for a value no case of an untagged union matched.</summary>
    /// <param name="reader">The wire reader, on the value's first token.</param>
    /// <param name="type">The union.</param>
    public static WireFormatException NoUntaggedMatch(ref WireReader reader, string type) =>
        new(type, null, null, "the value " + Preview(ref reader) + " matches no case of the untagged union", reader.TokenStartIndex);

    /// <summary>An unknown key in a record that denies them.</summary>
    /// <param name="reader">The wire reader, on the key.</param>
    /// <param name="type">The type being read.</param>
    /// <param name="caseName">The case being read.</param>
    /// <param name="expected">The known keys, for the message.</param>
    public static WireFormatException UnknownField(ref WireReader reader, string type, string? caseName, string expected)
    {
        string name = Encoding.UTF8.GetString(Key(ref reader));
        return new WireFormatException(type, caseName, name, "unknown field '" + name + "', expected " + expected, reader.TokenStartIndex);
    }

    /// <summary>The first bytes of the current token, quoted for a message.</summary>
    private static string Preview(ref WireReader reader)
    {
        ReadOnlySpan<byte> rest = reader.Buffer[reader.TokenStartIndex..];
        return "`" + Encoding.UTF8.GetString(rest[..Math.Min(rest.Length, 40)]) + (rest.Length > 40 ? "..." : "") + "`";
    }

    private static string Quote(string text) => "\"" + (text.Length > 40 ? text[..40] + "..." : text) + "\"";
}

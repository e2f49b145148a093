using System;
using System.ComponentModel;
using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>
/// Reading primitives for generated deserializers. Each checks the token type and turns every
/// failure into a <see cref="WireFormatException"/> naming the type, case and field.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class WireRead
{
    /// <summary>Advances to the next token; the input ending here is an error.</summary>
    /// <param name="reader">The wire reader.</param>
    /// <param name="type">The type being read, for the error.</param>
    /// <param name="caseName">The case being read, for the error.</param>
    /// <param name="field">The field being read, for the error.</param>
    public static void Next(ref WireReader reader, string type, string? caseName, string? field)
    {
        if (!reader.Read())
        {
            throw new WireFormatException(type, caseName, field, "the JSON ended early", reader.BytesConsumed);
        }
    }

    /// <summary>
    /// The unescaped bytes of the current property name or string: straight from the input when it
    /// has no escapes (the common case), else unescaped into a new array.
    /// </summary>
    /// <param name="reader">The wire reader, on a property name or string.</param>
    public static ReadOnlySpan<byte> Key(scoped ref WireReader reader) =>
        !reader.ValueIsEscaped ? reader.ValueSpan : Unescape(ref reader);

    private static byte[] Unescape(scoped ref WireReader reader)
    {
        byte[] target = new byte[reader.ValueSpan.Length];
        try
        {
            return target.AsSpan(0, reader.CopyString(target)).ToArray();
        }
        catch (FormatException e)
        {
            throw new WireFormatException("JSON", null, null, "a key or case name is not valid Unicode: " + e.Message, reader.TokenStartIndex, e);
        }
    }

    /// <summary>Reads a string value.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static string String(ref WireReader reader, string type, string? caseName, string? field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, type, caseName, field, "a string");
        }

        if (!reader.ValueIsEscaped)
        {
            return RecentStrings.Get(reader.ValueSpan);
        }

        try
        {
            return reader.GetString();
        }
        catch (FormatException e)
        {
            throw Quoted(ref reader, new WireFormatException(type, caseName, field, "the string is not valid Unicode: " + e.Message, reader.TokenStartIndex, e));
        }
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static bool Boolean(ref WireReader reader, string type, string? caseName, string? field) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Unexpected(ref reader, type, caseName, field, "a boolean"),
    };

    /// <summary>Reads a number as <see cref="double"/>; numbers beyond its range are an error, as in serde_json.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static double Double(ref WireReader reader, string type, string? caseName, string? field)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, type, caseName, field, "a number");
        }

        if (!reader.TryGetDouble(out double value))
        {
            throw OutOfRange(ref reader, type, caseName, field, "a 64-bit float");
        }

        return value;
    }

    /// <summary>Reads an <see cref="int"/>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static int Int32(ref WireReader reader, string type, string? caseName, string? field) =>
        ExpectInteger(ref reader, type, caseName, field).TryGetInt32(out int value) ? value : throw OutOfRange(ref reader, type, caseName, field, "i32");

    /// <summary>Reads a <see cref="uint"/>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static uint UInt32(ref WireReader reader, string type, string? caseName, string? field) =>
        ExpectInteger(ref reader, type, caseName, field).TryGetUInt32(out uint value) ? value : throw OutOfRange(ref reader, type, caseName, field, "u32");

    /// <summary>Reads a <see cref="long"/>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static long Int64(ref WireReader reader, string type, string? caseName, string? field) =>
        ExpectInteger(ref reader, type, caseName, field).TryGetInt64(out long value) ? value : throw OutOfRange(ref reader, type, caseName, field, "i64");

    /// <summary>Reads a <see cref="ulong"/>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static ulong UInt64(ref WireReader reader, string type, string? caseName, string? field) =>
        ExpectInteger(ref reader, type, caseName, field).TryGetUInt64(out ulong value) ? value : throw OutOfRange(ref reader, type, caseName, field, "u64");

    /// <summary>Reads a <see cref="short"/>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static short Int16(ref WireReader reader, string type, string? caseName, string? field) =>
        ExpectInteger(ref reader, type, caseName, field).TryGetInt16(out short value) ? value : throw OutOfRange(ref reader, type, caseName, field, "i16");

    /// <summary>Reads a <see cref="ushort"/>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static ushort UInt16(ref WireReader reader, string type, string? caseName, string? field) =>
        ExpectInteger(ref reader, type, caseName, field).TryGetUInt16(out ushort value) ? value : throw OutOfRange(ref reader, type, caseName, field, "u16");

    /// <summary>Reads an <see cref="sbyte"/>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static sbyte SByte(ref WireReader reader, string type, string? caseName, string? field) =>
        ExpectInteger(ref reader, type, caseName, field).TryGetSByte(out sbyte value) ? value : throw OutOfRange(ref reader, type, caseName, field, "i8");

    /// <summary>Reads a <see cref="byte"/>.</summary>
    /// <param name="reader">The wire reader, on the value.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static byte Byte(ref WireReader reader, string type, string? caseName, string? field) =>
        ExpectInteger(ref reader, type, caseName, field).TryGetByte(out byte value) ? value : throw OutOfRange(ref reader, type, caseName, field, "u8");

    /// <summary>
    /// Reads any JSON value and keeps its exact bytes, validating it as serde_json would: numbers
    /// must fit a 64-bit float, strings must have paired surrogate escapes (the reader has checked
    /// the rest of the grammar and UTF-8).
    /// </summary>
    /// <param name="reader">The wire reader, on the value's first token; left on its last.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    public static RawJson Raw(ref WireReader reader, string type, string? caseName, string? field)
    {
        int from = reader.TokenStartIndex;
        int depth = reader.CurrentDepth;
        ValidateRawToken(ref reader, type, caseName, field);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            do
            {
                Next(ref reader, type, caseName, field);
                ValidateRawToken(ref reader, type, caseName, field);
            }
            while (reader.CurrentDepth > depth);
        }

        return RawJson.FromValidatedUtf8(reader.Buffer[from..reader.BytesConsumed]);
    }

    private static void ValidateRawToken(ref WireReader reader, string type, string? caseName, string? field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (!reader.TryGetDouble(out _))
                {
                    throw OutOfRange(ref reader, type, caseName, field, "a 64-bit float");
                }

                break;
            case JsonTokenType.String:
            case JsonTokenType.PropertyName:
                // Only decoding finds a lone surrogate escape such as "\ud800".
                if ((reader.ValueEscapes & StringEscapes.Surrogate) != 0 && !Utf8Unescape.HasOnlyPairedSurrogates(reader.ValueSpan, out string? problem))
                {
                    throw Quoted(ref reader, new WireFormatException(type, caseName, field, "a string is not valid Unicode: " + problem, reader.TokenStartIndex));
                }

                break;
        }
    }

    /// <summary>Checks the current token's type.</summary>
    /// <param name="reader">The wire reader.</param>
    /// <param name="expectedToken">The token type required.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    /// <param name="field">The field being read, for errors.</param>
    /// <param name="expected">What was expected, for errors.</param>
    public static void Expect(ref WireReader reader, JsonTokenType expectedToken, string type, string? caseName, string? field, string expected)
    {
        if (reader.TokenType != expectedToken)
        {
            throw Unexpected(ref reader, type, caseName, field, expected);
        }
    }

    /// <summary>Skips the value of the property the reader is on (an unknown field).</summary>
    /// <param name="reader">The wire reader, on a property name; left on the value's last token.</param>
    /// <param name="type">The type being read, for errors.</param>
    /// <param name="caseName">The case being read, for errors.</param>
    public static void SkipValue(ref WireReader reader, string type, string? caseName)
    {
        Next(ref reader, type, caseName, null);
        reader.Skip();
    }

    /// <summary>A value of the wrong JSON type.</summary>
    /// <param name="reader">The wire reader, on the offending token.</param>
    /// <param name="type">The type being read.</param>
    /// <param name="caseName">The case being read.</param>
    /// <param name="field">The field being read.</param>
    /// <param name="expected">What was expected, such as "a string".</param>
    public static WireFormatException Unexpected(ref WireReader reader, string type, string? caseName, string? field, string expected) =>
        Quoted(ref reader, new(type, caseName, field, "expected " + expected + ", found " + Describe(reader.TokenType), reader.TokenStartIndex));

    /// <summary>A required field that was absent.</summary>
    /// <param name="type">The type being read.</param>
    /// <param name="caseName">The case being read.</param>
    /// <param name="field">The missing field.</param>
    /// <param name="reader">The wire reader, on the end of the object.</param>
    public static WireFormatException MissingField(ref WireReader reader, string type, string? caseName, string field) =>
        new(type, caseName, field, "missing field '" + field + "'", reader.TokenStartIndex);

    /// <summary>A field given twice.</summary>
    /// <param name="reader">The wire reader, on the second occurrence.</param>
    /// <param name="type">The type being read.</param>
    /// <param name="caseName">The case being read.</param>
    /// <param name="field">The duplicated field.</param>
    public static WireFormatException DuplicateField(ref WireReader reader, string type, string? caseName, string field) =>
        new(type, caseName, field, "duplicate field '" + field + "'", reader.TokenStartIndex);

    /// <summary>A case name the union does not have.</summary>
    /// <param name="reader">The wire reader, on the case name.</param>
    /// <param name="type">The union being read.</param>
    /// <param name="name">The unknown name, unescaped.</param>
    /// <param name="expected">The known case names, for the message.</param>
    public static WireFormatException UnknownCase(ref WireReader reader, string type, scoped ReadOnlySpan<byte> name, string expected) =>
        Quoted(ref reader, new(type, null, null, "unknown case '" + System.Text.Encoding.UTF8.GetString(name) + "', expected " + expected, reader.TokenStartIndex));

    /// <summary>A malformed union or record object, such as an externally tagged object without exactly one key.</summary>
    /// <param name="reader">The wire reader, on the offending token.</param>
    /// <param name="type">The type being read.</param>
    /// <param name="caseName">The case being read.</param>
    /// <param name="problem">What is wrong.</param>
    public static WireFormatException Invalid(ref WireReader reader, string type, string? caseName, string problem) =>
        Quoted(ref reader, new(type, caseName, null, problem, reader.TokenStartIndex));

    /// <summary>Reads a nested union or record, adding the enclosing type, case and field to the path of an error inside it.</summary>
    /// <typeparam name="T">The nested type.</typeparam>
    /// <param name="reader">The wire reader, on the value's first token; left on its last.</param>
    /// <param name="type">The enclosing type, for errors.</param>
    /// <param name="caseName">The enclosing case, for errors.</param>
    /// <param name="field">The enclosing field, for errors.</param>
    public static T Nested<T>(ref WireReader reader, string type, string? caseName, string? field)
        where T : IWireSerializable<T>
    {
        try
        {
            return T.ReadWire(ref reader);
        }
        catch (WireFormatException e) when (Within(e, type, caseName, field))
        {
            throw;
        }
    }

    /// <summary>An exception filter that adds the enclosing type, case and field to an error's path; never catches.</summary>
    /// <param name="exception">The error on its way out.</param>
    /// <param name="type">The enclosing type.</param>
    /// <param name="caseName">The enclosing case.</param>
    /// <param name="field">The enclosing field.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    public static bool Within(WireFormatException exception, string type, string? caseName, string? field)
    {
        ArgumentNullException.ThrowIfNull(exception);
        exception.Within(type, caseName, field);
        return false;
    }

    /// <summary>An exception filter that adds a list index to an error's path; never catches.</summary>
    /// <param name="exception">The error on its way out.</param>
    /// <param name="index">The index of the element being read.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    public static bool AtIndex(WireFormatException exception, int index)
    {
        ArgumentNullException.ThrowIfNull(exception);
        exception.AtIndex(index);
        return false;
    }

    /// <summary>An exception filter that adds a map key to an error's path; never catches.</summary>
    /// <param name="exception">The error on its way out.</param>
    /// <param name="key">The key of the entry being read.</param>
    /// <returns>Always <see langword="false"/>.</returns>
    public static bool AtKey(WireFormatException exception, string key)
    {
        ArgumentNullException.ThrowIfNull(exception);
        exception.AtKey(key);
        return false;
    }

    private const int QuoteLength = 40;

    /// <summary>Records the first bytes of the value the reader is on, for the message.</summary>
    internal static WireFormatException Quoted(scoped ref WireReader reader, WireFormatException exception)
    {
        ReadOnlySpan<byte> buffer = reader.Buffer;
        int start = reader.TokenStartIndex;
        if (start < 0 || start >= buffer.Length)
        {
            return exception;
        }

        ReadOnlySpan<byte> rest = buffer[start..];
        if (rest.Length <= QuoteLength)
        {
            exception.Value = System.Text.Encoding.UTF8.GetString(rest).TrimEnd();
            return exception;
        }

        int length = QuoteLength;
        while (length > 0 && (rest[length] & 0xC0) == 0x80)
        {
            // Not mid-character: back off to the start of the UTF-8 sequence.
            length--;
        }

        exception.Value = System.Text.Encoding.UTF8.GetString(rest[..length]) + "...";
        return exception;
    }

    private static ref WireReader ExpectInteger(ref WireReader reader, string type, string? caseName, string? field)
    {
        // serde_json parses "-0" as the float -0.0, which no Rust integer type accepts.
        if (reader.TokenType == JsonTokenType.Number && reader.ValueSpan.SequenceEqual("-0"u8))
        {
            throw Quoted(ref reader, new WireFormatException(type, caseName, field, "expected an integer, found the float -0.0", reader.TokenStartIndex));
        }

        return ref ExpectNumber(ref reader, type, caseName, field);
    }

    private static ref WireReader ExpectNumber(ref WireReader reader, string type, string? caseName, string? field)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, type, caseName, field, "an integer");
        }

        return ref reader;
    }

    private static WireFormatException OutOfRange(ref WireReader reader, string type, string? caseName, string? field, string target)
    {
        string text = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        return Quoted(ref reader, new WireFormatException(type, caseName, field, "the number " + text + " does not fit " + target, reader.TokenStartIndex));
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a property name",
        _ => "nothing",
    };
}

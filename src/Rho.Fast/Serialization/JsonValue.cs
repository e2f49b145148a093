using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>
/// Any JSON value as serde_json's <c>serde_json::Value</c> holds it (without <c>preserve_order</c>):
/// read, it is normalized as serde_json would write it back: object keys sorted by their UTF-8
/// bytes, a repeated key keeping its last value, strings re-escaped, integers as integers and every
/// other number in ryu's shortest form (<c>1E2</c> becomes <c>100.0</c>, <c>-0</c> becomes
/// <c>-0.0</c>). Use it where serde has a <c>Value</c>; use <see cref="RawJson"/> to keep a value's
/// bytes exactly as they were read. Equality compares the normalized bytes.
/// </summary>
public readonly struct JsonValue : IEquatable<JsonValue>
{
    private static readonly byte[] s_null = "null"u8.ToArray();
    private readonly byte[]? _utf8;

    private JsonValue(byte[] utf8) => _utf8 = utf8;

    /// <summary>The value's normalized UTF-8 bytes; <c>null</c> for a default instance.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8 ?? s_null;

    /// <summary>Whether the value is JSON <c>null</c>.</summary>
    public bool IsNull => Utf8.Span.SequenceEqual(s_null);

    /// <summary>Parses JSON text and normalizes it.</summary>
    /// <param name="json">One JSON value.</param>
    /// <exception cref="JsonException"><paramref name="json"/> is not a single valid JSON value.</exception>
    public static JsonValue Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new WireReader(Encoding.UTF8.GetBytes(json));
        WireRead.Next(ref reader, nameof(JsonValue), null, null);
        JsonValue value = WireRead.Value(ref reader, nameof(JsonValue), null, null);
        if (reader.Read())
        {
            throw new WireFormatException(nameof(JsonValue), null, null, "more than one JSON value", reader.TokenStartIndex);
        }

        return value;
    }

    /// <summary>Reads and normalizes the value the reader is on; the reader is left on its last token.</summary>
    internal static JsonValue Read(ref WireReader reader, string type, string? caseName, string? field)
    {
        var output = new ArrayBufferWriter<byte>(64);
        Normalize(ref reader, output, type, caseName, field);
        return new JsonValue(output.WrittenSpan.ToArray());
    }

    /// <summary>Wraps bytes already normalized.</summary>
    internal static JsonValue FromNormalized(byte[] utf8) => new(utf8);

    /// <summary>Writes the normalized bytes.</summary>
    /// <param name="writer">The JSON writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(Utf8.Span, skipInputValidation: true);
    }

    private static void Normalize(ref WireReader reader, ArrayBufferWriter<byte> output, string type, string? caseName, string? field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                NormalizeObject(ref reader, output, type, caseName, field);
                break;
            case JsonTokenType.StartArray:
                output.Write("["u8);
                bool first = true;
                while (true)
                {
                    WireRead.Next(ref reader, type, caseName, field);
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        break;
                    }

                    if (!first)
                    {
                        output.Write(","u8);
                    }

                    first = false;
                    Normalize(ref reader, output, type, caseName, field);
                }

                output.Write("]"u8);
                break;
            case JsonTokenType.String:
                WriteString(output, WireRead.String(ref reader, type, caseName, field));
                break;
            case JsonTokenType.Number:
                WriteNumber(ref reader, output, type, caseName, field);
                break;
            default:
                // true, false and null are written as read.
                output.Write(reader.ValueSpan);
                break;
        }
    }

    private static void NormalizeObject(ref WireReader reader, ArrayBufferWriter<byte> output, string type, string? caseName, string? field)
    {
        // serde_json's Value map is a BTreeMap<String, Value>: sorted, the last of a repeated key wins.
        var entries = new SortedDictionary<string, byte[]>(Utf8Order.Instance);
        while (true)
        {
            WireRead.Next(ref reader, type, caseName, field);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            string key = WireRead.KeyString(ref reader, type, caseName, field);
            WireRead.Next(ref reader, type, caseName, field);
            var value = new ArrayBufferWriter<byte>(16);
            Normalize(ref reader, value, type, caseName, field);
            entries[key] = value.WrittenSpan.ToArray();
        }

        output.Write("{"u8);
        bool first = true;
        foreach (KeyValuePair<string, byte[]> entry in entries)
        {
            if (!first)
            {
                output.Write(","u8);
            }

            first = false;
            WriteString(output, entry.Key);
            output.Write(":"u8);
            output.Write(entry.Value);
        }

        output.Write("}"u8);
    }

    private static void WriteString(ArrayBufferWriter<byte> output, string value)
    {
        Span<byte> target = output.GetSpan(SerdeEscaping.MaxQuotedLength(value.Length));
        output.Advance(SerdeEscaping.WriteQuoted(value, target));
    }

    private static void WriteNumber(ref WireReader reader, ArrayBufferWriter<byte> output, string type, string? caseName, string? field)
    {
        ReadOnlySpan<byte> text = reader.ValueSpan;
        if (text.IndexOfAny("."u8[0], (byte)'e', (byte)'E') < 0)
        {
            // An integer stays one when it fits u64 or i64; "-0" and wider ones become floats, as in serde_json.
            bool negative = text[0] == (byte)'-';
            if (negative ? reader.TryGetInt64(out long signed) && signed != 0 : reader.TryGetUInt64(out _))
            {
                output.Write(text);
                return;
            }
        }

        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new WireFormatException(type, caseName, field, "the number " + Encoding.UTF8.GetString(text) + " is out of range", reader.TokenStartIndex);
        }

        Span<byte> target = output.GetSpan(SerdeNumbers.MaxDoubleLength);
        output.Advance(SerdeNumbers.FormatDouble(value, target));
    }

    /// <inheritdoc/>
    public bool Equals(JsonValue other) => Utf8.Span.SequenceEqual(other.Utf8.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JsonValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Utf8.Span);
        return hash.ToHashCode();
    }

    /// <summary>The JSON text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>Compares two values by their normalized bytes.</summary>
    public static bool operator ==(JsonValue left, JsonValue right) => left.Equals(right);

    /// <summary>Compares two values by their normalized bytes.</summary>
    public static bool operator !=(JsonValue left, JsonValue right) => !left.Equals(right);
}

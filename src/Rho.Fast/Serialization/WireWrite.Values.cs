using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>Writers for f32, 128-bit integers, chars and map keys.</summary>
public static partial class WireWrite
{
    /// <summary>Writes a float as serde_json writes an f32; NaN and infinities become <c>null</c>.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="value">The number.</param>
    public static void Single(Utf8JsonWriter writer, float value)
    {
        if (!float.IsFinite(value))
        {
            writer.WriteNullValue();
            return;
        }

        Span<byte> buffer = stackalloc byte[SerdeNumbers.MaxDoubleLength];
        int written = SerdeNumbers.FormatSingle(value, buffer);
        writer.WriteRawValue(buffer.Slice(0, written), skipInputValidation: true);
    }

    /// <summary>Writes a 128-bit integer.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="value">The number.</param>
    public static void Int128(Utf8JsonWriter writer, Int128 value)
    {
        Span<byte> buffer = stackalloc byte[48];
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        writer.WriteRawValue(buffer.Slice(0, written), skipInputValidation: true);
    }

    /// <summary>Writes an unsigned 128-bit integer.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="value">The number.</param>
    public static void UInt128(Utf8JsonWriter writer, UInt128 value)
    {
        Span<byte> buffer = stackalloc byte[48];
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        writer.WriteRawValue(buffer.Slice(0, written), skipInputValidation: true);
    }

    /// <summary>Writes a char as a one-character string.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="value">The character.</param>
    public static void Rune(Utf8JsonWriter writer, Rune value)
    {
        Span<char> text = stackalloc char[2];
        int length = value.EncodeToUtf16(text);
        Span<byte> buffer = stackalloc byte[SerdeEscaping.MaxQuotedLength(2)];
        writer.WriteRawValue(buffer.Slice(0, SerdeEscaping.WriteQuoted(text.Slice(0, length), buffer)), skipInputValidation: true);
    }

    /// <summary>Writes a char as a one-character string.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="value">The character.</param>
    public static void Char(Utf8JsonWriter writer, char value)
    {
        Span<char> text = [value];
        Span<byte> buffer = stackalloc byte[SerdeEscaping.MaxQuotedLength(1)];
        writer.WriteRawValue(buffer.Slice(0, SerdeEscaping.WriteQuoted(text, buffer)), skipInputValidation: true);
    }

    /// <summary>Writes a map key with serde_json's escaping.</summary>
    /// <param name="writer">The JSON writer, inside an object.</param>
    /// <param name="key">The key.</param>
    public static void Key(Utf8JsonWriter writer, string key) => writer.WritePropertyName(Name(key));

    /// <summary>Writes an integer map key as serde_json does: as a string of its digits.</summary>
    /// <param name="writer">The JSON writer, inside an object.</param>
    /// <param name="key">The key.</param>
    public static void Key(Utf8JsonWriter writer, Int128 key)
    {
        Span<byte> buffer = stackalloc byte[48];
        key.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        writer.WritePropertyName(buffer.Slice(0, written));
    }

    /// <summary>A map's keys in the order serde_json's <c>BTreeMap</c> writes them: UTF-8 byte order.</summary>
    /// <typeparam name="TValue">The map's value type.</typeparam>
    /// <param name="map">The map.</param>
    public static string[] SortedKeys<TValue>(IReadOnlyDictionary<string, TValue> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        string[] keys = new string[map.Count];
        int i = 0;
        foreach (KeyValuePair<string, TValue> entry in map)
        {
            keys[i++] = entry.Key;
        }

        Array.Sort(keys, Utf8Order.Instance);
        return keys;
    }

    /// <summary>An integer-keyed map's keys in numeric order, as serde_json's <c>BTreeMap</c> writes them.</summary>
    /// <typeparam name="TKey">The integer key type.</typeparam>
    /// <typeparam name="TValue">The map's value type.</typeparam>
    /// <param name="map">The map.</param>
    public static TKey[] SortedIntegerKeys<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> map) where TKey : struct, IComparable<TKey>
    {
        ArgumentNullException.ThrowIfNull(map);
        var keys = new TKey[map.Count];
        int i = 0;
        foreach (KeyValuePair<TKey, TValue> entry in map)
        {
            keys[i++] = entry.Key;
        }

        Array.Sort(keys);
        return keys;
    }
}

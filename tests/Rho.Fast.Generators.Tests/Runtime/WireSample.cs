using System;
using System.Text.Json;
using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>
/// A value, the exact text serde_json writes for it, and typed ways to write and read it, so tests can
/// treat samples of different generated types alike.
/// </summary>
public sealed class WireSample
{
    private readonly Func<object, string> _serialize;
    private readonly Func<object, byte[]> _serializeToUtf8Bytes;
    private readonly Func<string, object> _deserialize;
    private readonly Func<byte[], object> _deserializeUtf8;

    private WireSample(
        Type type,
        object value,
        string json,
        bool comparesByValue,
        Func<object, string> serialize,
        Func<object, byte[]> serializeToUtf8Bytes,
        Func<string, object> deserialize,
        Func<byte[], object> deserializeUtf8)
    {
        Type = type;
        Value = value;
        Json = json;
        ComparesByValue = comparesByValue;
        _serialize = serialize;
        _serializeToUtf8Bytes = serializeToUtf8Bytes;
        _deserialize = deserialize;
        _deserializeUtf8 = deserializeUtf8;
    }

    /// <summary>The generated type the value is written as (the union, not the case).</summary>
    public Type Type { get; }

    public object Value { get; }

    /// <summary>What serde_json writes for <see cref="Value"/>.</summary>
    public string Json { get; }

    /// <summary>False when the value holds lists, whose record equality is by reference.</summary>
    public bool ComparesByValue { get; }

    public static WireSample Of<T>(T value, string json, bool comparesByValue = true)
        where T : class, IWireSerializable<T> =>
        new(
            typeof(T),
            value,
            json,
            comparesByValue,
            v => Wire.Serialize((T)v),
            v => Wire.SerializeToUtf8Bytes((T)v),
            s => Wire.Deserialize<T>(s),
            b => Wire.Deserialize<T>(b));

    public string Serialize() => _serialize(Value);

    public string Serialize(object value) => _serialize(value);

    public byte[] SerializeToUtf8Bytes() => _serializeToUtf8Bytes(Value);

    public object Deserialize(string json) => _deserialize(json);

    public object Deserialize(byte[] utf8Json) => _deserializeUtf8(utf8Json);

    public string SerializeWithJsonSerializer(JsonSerializerOptions? options = null) => JsonSerializer.Serialize(Value, Type, options);

    public object DeserializeWithJsonSerializer(string json, JsonSerializerOptions? options = null) =>
        JsonSerializer.Deserialize(json, Type, options) ?? throw new InvalidOperationException("null from " + json);

    public override string ToString() => Json;
}

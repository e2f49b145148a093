using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>
/// A type with a generated, reflection-free serde-compatible reader and writer. Implemented by the
/// source generator for every <see cref="TaggedUnionAttribute"/> union and
/// <see cref="WireRecordAttribute"/> record; use <see cref="Wire"/> for the common entry points.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IWireSerializable<TSelf> : IWireWritable where TSelf : IWireSerializable<TSelf>
{
    /// <summary>
    /// Reads one value. The reader must be positioned on the value's first token and is left on its
    /// last token.
    /// </summary>
    /// <param name="reader">The wire reader.</param>
    /// <exception cref="WireFormatException">The JSON does not match the type.</exception>
    /// <exception cref="WireSyntaxException">The input is not JSON as serde_json reads it.</exception>
    static abstract TSelf ReadWire(ref WireReader reader);
}

/// <summary>
/// A value that writes itself exactly as serde_json would. Every generated union, union case and
/// record is one, so a case can be written without naming its union.
/// </summary>
public interface IWireWritable
{
    /// <summary>Writes this value exactly as serde_json writes it.</summary>
    /// <param name="writer">The JSON writer.</param>
    void WriteWire(Utf8JsonWriter writer);
}

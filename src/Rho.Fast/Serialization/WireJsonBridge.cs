using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>
/// Lets a generated <see cref="System.Text.Json.Serialization.JsonConverter{T}"/> read with the one
/// generated deserializer: the value under the <see cref="Utf8JsonReader"/> is handed over as the
/// exact bytes it was written with, and read by <see cref="WireReader"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireJsonBridge
{
    /// <summary>Reads the value the reader is on, leaving the reader on its last token as a converter must.</summary>
    /// <typeparam name="T">A generated union or record.</typeparam>
    /// <param name="reader">The serializer's reader, on the value's first token.</param>
    /// <exception cref="JsonException">Malformed JSON, or JSON that does not match <typeparamref name="T"/>.</exception>
    public static T Read<T>(ref Utf8JsonReader reader) where T : IWireSerializable<T>
    {
        // The serializer's reader may stand on a buffer of many segments, or a stream's window, and
        // does not say where its input starts. A document collects the value's own bytes (pooled,
        // one contiguous copy whatever the segments), and the reader moves past the value as a
        // converter must; a value's raw bytes are kept exactly, so RawJson members keep them.
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        var wire = new WireReader(JsonMarshal.GetRawUtf8Value(document.RootElement));
        return Wire.ReadSingle<T>(ref wire);
    }
}

using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Rho.Fast.Serialization;

/// <summary>
/// Entry points for generated types: serialize to serde_json's exact bytes and deserialize with
/// serde's rules, without reflection.
/// </summary>
public static class Wire
{
    /// <summary>
    /// serde_json refuses nesting deeper than 127 containers, and rho writes files up to that depth;
    /// System.Text.Json's default of 64 would reject them.
    /// </summary>
    public const int MaxDepth = 127;

    /// <summary>
    /// <see cref="Utf8JsonReader"/> options matching serde_json: depth 127, no comments, no trailing
    /// commas. Generated readers use <see cref="WireReader"/>, which has these rules built in.
    /// </summary>
    public static JsonReaderOptions ReaderOptions { get; } = new() { MaxDepth = MaxDepth };

    /// <summary>Writer options for compact output; generated writers produce valid JSON by construction.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = false, SkipValidation = true };

    [ThreadStatic]
    private static WriterCache? t_cache;

    /// <summary>Reads exactly one value from UTF-8 JSON.</summary>
    /// <typeparam name="T">A generated union or record.</typeparam>
    /// <param name="utf8Json">The JSON; surrounding whitespace is allowed, anything else after the value is not.</param>
    /// <exception cref="JsonException">Malformed JSON (<see cref="WireSyntaxException"/>), or JSON that does not match <typeparamref name="T"/> (<see cref="WireFormatException"/>).</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) where T : IWireSerializable<T>
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            throw new WireFormatException(typeof(T).Name, null, null, "the input is not valid UTF-8");
        }

        var reader = WireReader.OverValidUtf8(utf8Json);
        return ReadSingle<T>(ref reader);
    }

    /// <summary>Reads exactly one value from JSON text.</summary>
    /// <typeparam name="T">A generated union or record.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <exception cref="JsonException">Malformed JSON, or JSON that does not match <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json) where T : IWireSerializable<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        return Deserialize<T>(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// Reads exactly one value from a UTF-8 span already known to be valid UTF-8 (as the session
    /// reader checks each line), skipping that check.
    /// </summary>
    internal static T DeserializeValidUtf8<T>(ReadOnlySpan<byte> utf8Json) where T : IWireSerializable<T>
    {
        var reader = WireReader.OverValidUtf8(utf8Json);
        return ReadSingle<T>(ref reader);
    }

    /// <summary>Reads exactly one value, the whole of what <paramref name="reader"/> reads but whitespace.</summary>
    internal static T ReadSingle<T>(ref WireReader reader) where T : IWireSerializable<T>
    {
        if (!reader.Read())
        {
            throw new WireFormatException(typeof(T).Name, null, null, "the input holds no JSON value", 0);
        }

        T value = T.ReadWire(ref reader);
        if (reader.Read())
        {
            throw new WireFormatException(typeof(T).Name, null, null, "unexpected data after the value", reader.TokenStartIndex);
        }

        return value;
    }

    /// <summary>Writes <paramref name="value"/> as serde_json would to <paramref name="output"/>.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="value">A generated union, case or record.</param>
    public static void Serialize(IBufferWriter<byte> output, IWireWritable value)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(value);

        // The thread's cached writer, pointed at the caller's output for this one value.
        WriterCache cache = Rent();
        try
        {
            cache.Writer.Reset(output);
            value.WriteWire(cache.Writer);
            cache.Writer.Flush();
        }
        finally
        {
            cache.Return();
        }
    }

    /// <summary>Returns the bytes serde_json would write for <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    public static byte[] SerializeToUtf8Bytes(IWireWritable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriterCache cache = Rent();
        try
        {
            value.WriteWire(cache.Writer);
            cache.Writer.Flush();
            return cache.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            cache.Return();
        }
    }

    /// <summary>Returns the JSON text serde_json would write for <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    public static string Serialize(IWireWritable value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriterCache cache = Rent();
        try
        {
            value.WriteWire(cache.Writer);
            cache.Writer.Flush();
            return Encoding.UTF8.GetString(cache.Buffer.WrittenSpan);
        }
        finally
        {
            cache.Return();
        }
    }

    private static WriterCache Rent()
    {
        WriterCache? cache = t_cache;
        if (cache is null || cache.InUse)
        {
            // Nested use on one thread (a writer that serializes inside a write) gets its own.
            cache = new WriterCache();
            t_cache ??= cache;
        }

        cache.InUse = true;
        return cache;
    }

    /// <summary>A reusable buffer and writer per thread, so serializing allocates only its result.</summary>
    private sealed class WriterCache
    {
        private const int KeepLimit = 1 << 20;

        public WriterCache()
        {
            Buffer = new ArrayBufferWriter<byte>(4096);
            Writer = new Utf8JsonWriter(Buffer, WriterOptions);
        }

        public ArrayBufferWriter<byte> Buffer { get; private set; }

        public Utf8JsonWriter Writer { get; private set; }

        public bool InUse { get; set; }

        public void Return()
        {
            if (Buffer.Capacity > KeepLimit)
            {
                // Do not pin a huge buffer to the thread after one large value.
                Buffer = new ArrayBufferWriter<byte>(4096);
                Writer = new Utf8JsonWriter(Buffer, WriterOptions);
            }
            else
            {
                Buffer.ResetWrittenCount();
                Writer.Reset(Buffer);
            }

            InUse = false;
        }
    }
}

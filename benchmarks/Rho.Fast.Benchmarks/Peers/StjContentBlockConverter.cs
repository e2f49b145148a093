using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>
/// A hand-written System.Text.Json converter for the externally tagged content block:
/// <c>{"Text":"..."}</c> or <c>{"ToolCall":{...}}</c>; the call itself uses source-generated metadata.
/// </summary>
public sealed class StjContentBlockConverter : JsonConverter<StjContentBlock>
{
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("Text");
    private static readonly JsonEncodedText ToolCallName = JsonEncodedText.Encode("ToolCall");

    private JsonTypeInfo<StjToolCall>? _call;

    /// <inheritdoc/>
    public override StjContentBlock Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException("A content block must be an object with one key, the variant name.");
        }

        StjContentBlock block;
        if (reader.ValueTextEquals(TextName.EncodedUtf8Bytes))
        {
            reader.Read();
            block = new StjContentBlock.Text(reader.GetString() ?? throw new JsonException("Text cannot be null."));
        }
        else if (reader.ValueTextEquals(ToolCallName.EncodedUtf8Bytes))
        {
            reader.Read();
            block = new StjContentBlock.ToolCall(JsonSerializer.Deserialize(ref reader, CallInfo(options)) ?? throw new JsonException("A tool call cannot be null."));
        }
        else
        {
            throw new JsonException("Unknown content block variant '" + reader.GetString() + "'.");
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A content block object must have exactly one key.");
        }

        return block;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, StjContentBlock value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case StjContentBlock.Text text:
                writer.WriteString(TextName, text.Value);
                break;
            case StjContentBlock.ToolCall call:
                writer.WritePropertyName(ToolCallName);
                JsonSerializer.Serialize(writer, call.Call, CallInfo(options));
                break;
            default:
                throw new JsonException("Unknown content block type " + value.GetType().Name + ".");
        }

        writer.WriteEndObject();
    }

    // Cached per options: one converter instance may in principle serve several options.
    private JsonTypeInfo<StjToolCall> CallInfo(JsonSerializerOptions options) =>
        _call is { } info && ReferenceEquals(info.Options, options) ? info : _call = (JsonTypeInfo<StjToolCall>)options.GetTypeInfo(typeof(StjToolCall));
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>
/// A hand-written System.Text.Json converter for the externally tagged message union:
/// <c>{"User":[...]}</c>, <c>{"Assistant":[...]}</c>, <c>{"ToolResult":{...}}</c>, <c>{"System":"..."}</c>.
/// Content blocks go straight to their converter; the tool result uses source-generated metadata.
/// </summary>
public sealed class StjMessageConverter : JsonConverter<StjMessage>
{
    private static readonly JsonEncodedText SystemName = JsonEncodedText.Encode("System");
    private static readonly JsonEncodedText UserName = JsonEncodedText.Encode("User");
    private static readonly JsonEncodedText AssistantName = JsonEncodedText.Encode("Assistant");
    private static readonly JsonEncodedText ToolResultName = JsonEncodedText.Encode("ToolResult");

    private JsonConverter<StjContentBlock>? _blocks;
    private JsonSerializerOptions? _blocksOptions;
    private JsonTypeInfo<StjToolResult>? _result;

    /// <inheritdoc/>
    public override StjMessage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException("A message must be an object with one key, the variant name.");
        }

        StjMessage message;
        if (reader.ValueTextEquals(UserName.EncodedUtf8Bytes))
        {
            reader.Read();
            message = new StjMessage.User(ReadBlocks(ref reader, options));
        }
        else if (reader.ValueTextEquals(AssistantName.EncodedUtf8Bytes))
        {
            reader.Read();
            message = new StjMessage.Assistant(ReadBlocks(ref reader, options));
        }
        else if (reader.ValueTextEquals(ToolResultName.EncodedUtf8Bytes))
        {
            reader.Read();
            message = new StjMessage.ToolResult(JsonSerializer.Deserialize(ref reader, ResultInfo(options)) ?? throw new JsonException("A tool result cannot be null."));
        }
        else if (reader.ValueTextEquals(SystemName.EncodedUtf8Bytes))
        {
            reader.Read();
            message = new StjMessage.System(reader.GetString() ?? throw new JsonException("A system prompt cannot be null."));
        }
        else
        {
            throw new JsonException("Unknown message variant '" + reader.GetString() + "'.");
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A message object must have exactly one key.");
        }

        return message;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, StjMessage value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case StjMessage.User user:
                writer.WritePropertyName(UserName);
                WriteBlocks(writer, user.Content, options);
                break;
            case StjMessage.Assistant assistant:
                writer.WritePropertyName(AssistantName);
                WriteBlocks(writer, assistant.Content, options);
                break;
            case StjMessage.ToolResult result:
                writer.WritePropertyName(ToolResultName);
                JsonSerializer.Serialize(writer, result.Result, ResultInfo(options));
                break;
            case StjMessage.System system:
                writer.WriteString(SystemName, system.Text);
                break;
            default:
                throw new JsonException("Unknown message type " + value.GetType().Name + ".");
        }

        writer.WriteEndObject();
    }

    private List<StjContentBlock> ReadBlocks(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Message content must be an array.");
        }

        JsonConverter<StjContentBlock> converter = Blocks(options);
        var blocks = new List<StjContentBlock>(2);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            blocks.Add(converter.Read(ref reader, typeof(StjContentBlock), options) ?? throw new JsonException("A content block cannot be null."));
        }

        return blocks;
    }

    private void WriteBlocks(Utf8JsonWriter writer, List<StjContentBlock> blocks, JsonSerializerOptions options)
    {
        JsonConverter<StjContentBlock> converter = Blocks(options);
        writer.WriteStartArray();
        foreach (StjContentBlock block in blocks)
        {
            converter.Write(writer, block, options);
        }

        writer.WriteEndArray();
    }

    private JsonConverter<StjContentBlock> Blocks(JsonSerializerOptions options)
    {
        if (_blocks is null || !ReferenceEquals(_blocksOptions, options))
        {
            _blocks = (JsonConverter<StjContentBlock>)options.GetConverter(typeof(StjContentBlock));
            _blocksOptions = options;
        }

        return _blocks;
    }

    // Cached per options: one converter instance may in principle serve several options.
    private JsonTypeInfo<StjToolResult> ResultInfo(JsonSerializerOptions options) =>
        _result is { } info && ReferenceEquals(info.Options, options) ? info : _result = (JsonTypeInfo<StjToolResult>)options.GetTypeInfo(typeof(StjToolResult));
}

using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>
/// Newtonsoft.Json writing of the peer model: one converter for the tagged unions, written the way
/// a Json.NET user would (the entry's <c>type</c> first, each union as a one-key object), with the
/// arguments' JSON text written raw.
/// </summary>
public sealed class NewtonsoftPeerConverter : JsonConverter
{
    /// <summary>Settings for compact output with Json.NET's default escaping (quotes, backslashes, control characters).</summary>
    public static JsonSerializerSettings Settings { get; } = new()
    {
        Formatting = Formatting.None,
        StringEscapeHandling = StringEscapeHandling.Default,
        Converters = { new NewtonsoftPeerConverter() },
    };

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanConvert(Type objectType) =>
        typeof(StjEntry).IsAssignableFrom(objectType) || typeof(StjMessage).IsAssignableFrom(objectType) || typeof(StjContentBlock).IsAssignableFrom(objectType);

    /// <inheritdoc/>
    public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("The Newtonsoft peer reads with JObject.");

    /// <inheritdoc/>
    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        switch (value)
        {
            case StjMessageEntry entry:
                writer.WriteStartObject();
                writer.WritePropertyName("type");
                writer.WriteValue("message");
                writer.WritePropertyName("timestamp");
                writer.WriteValue(entry.Timestamp);
                writer.WritePropertyName("message");
                WriteMessage(writer, entry.Message);
                writer.WriteEndObject();
                break;
            case StjSessionHeader header:
                writer.WriteStartObject();
                writer.WritePropertyName("type");
                writer.WriteValue("session");
                writer.WritePropertyName("version");
                writer.WriteValue(header.Version);
                writer.WritePropertyName("id");
                writer.WriteValue(header.Id);
                writer.WritePropertyName("timestamp");
                writer.WriteValue(header.Timestamp);
                writer.WritePropertyName("cwd");
                writer.WriteValue(header.Cwd);
                writer.WriteEndObject();
                break;
            case StjMessage message:
                WriteMessage(writer, message);
                break;
            case StjContentBlock block:
                WriteBlock(writer, block);
                break;
            default:
                throw new JsonSerializationException("Unexpected value " + value?.GetType().Name);
        }
    }

    private static void WriteMessage(JsonWriter writer, StjMessage message)
    {
        writer.WriteStartObject();
        switch (message)
        {
            case StjMessage.User user:
                writer.WritePropertyName("User");
                WriteBlocks(writer, user.Content);
                break;
            case StjMessage.Assistant assistant:
                writer.WritePropertyName("Assistant");
                WriteBlocks(writer, assistant.Content);
                break;
            case StjMessage.ToolResult { Result: var result }:
                writer.WritePropertyName("ToolResult");
                writer.WriteStartObject();
                writer.WritePropertyName("id");
                writer.WriteValue(result.Id);
                writer.WritePropertyName("ok");
                writer.WriteValue(result.Ok);
                writer.WritePropertyName("content");
                writer.WriteValue(result.Content);
                writer.WriteEndObject();
                break;
            case StjMessage.System system:
                writer.WritePropertyName("System");
                writer.WriteValue(system.Text);
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteBlocks(JsonWriter writer, List<StjContentBlock> blocks)
    {
        writer.WriteStartArray();
        foreach (StjContentBlock block in blocks)
        {
            WriteBlock(writer, block);
        }

        writer.WriteEndArray();
    }

    private static void WriteBlock(JsonWriter writer, StjContentBlock block)
    {
        writer.WriteStartObject();
        switch (block)
        {
            case StjContentBlock.Text text:
                writer.WritePropertyName("Text");
                writer.WriteValue(text.Value);
                break;
            case StjContentBlock.ToolCall { Call: var call }:
                writer.WritePropertyName("ToolCall");
                writer.WriteStartObject();
                writer.WritePropertyName("id");
                writer.WriteValue(call.Id);
                writer.WritePropertyName("name");
                writer.WriteValue(call.Name);
                writer.WritePropertyName("arguments");
                writer.WriteRawValue(call.Arguments.GetRawText());
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }
}

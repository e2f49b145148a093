using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Rho.Fast.Serialization;

namespace Rho.Fast.Cli;

/// <summary>
/// <c>list --json</c>: one object per session and line, with rho's field names in rho's order
/// (<c>id</c>, <c>cwd</c>, <c>created_at</c>, <c>updated_at</c>, <c>message_count</c>, <c>title</c>,
/// <c>first_user_message</c>, <c>last_user_message</c>), then <c>path</c> and <c>file_size</c>;
/// strings escaped exactly as serde_json escapes them, absent texts <c>null</c>.
/// </summary>
internal static class SessionListJson
{
    private static readonly JsonEncodedText Id = WireWrite.Name("id");
    private static readonly JsonEncodedText Cwd = WireWrite.Name("cwd");
    private static readonly JsonEncodedText CreatedAt = WireWrite.Name("created_at");
    private static readonly JsonEncodedText UpdatedAt = WireWrite.Name("updated_at");
    private static readonly JsonEncodedText MessageCount = WireWrite.Name("message_count");
    private static readonly JsonEncodedText Title = WireWrite.Name("title");
    private static readonly JsonEncodedText FirstUserMessage = WireWrite.Name("first_user_message");
    private static readonly JsonEncodedText LastUserMessage = WireWrite.Name("last_user_message");
    private static readonly JsonEncodedText FilePath = WireWrite.Name("path");
    private static readonly JsonEncodedText FileSize = WireWrite.Name("file_size");

    public static void Write(Stream output, IReadOnlyList<SessionInfo> sessions)
    {
        var buffer = new StreamBufferWriter(output);
        using var writer = new Utf8JsonWriter(buffer, Wire.WriterOptions);
        foreach (SessionInfo session in sessions)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(Id);
            WireWrite.String(writer, session.Id);
            writer.WritePropertyName(Cwd);
            WireWrite.String(writer, session.Cwd);
            writer.WriteNumber(CreatedAt, session.Created.ToUnixTimeSeconds());
            writer.WriteNumber(UpdatedAt, session.Updated.ToUnixTimeSeconds());
            writer.WriteNumber(MessageCount, session.MessageCount);
            Text(writer, Title, session.Title);
            Text(writer, FirstUserMessage, session.FirstUserMessage);
            Text(writer, LastUserMessage, session.LastUserMessage);
            writer.WritePropertyName(FilePath);
            WireWrite.String(writer, session.Path);
            writer.WriteNumber(FileSize, session.Size);
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }
    }

    private static void Text(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            WireWrite.String(writer, value);
        }
    }
}

using System;
using System.Text.Json;

namespace Rho.Fast;

/// <summary>
/// Tells a complete JSON value from a torn one, for a line the entry parser rejected. A writer
/// interrupted mid-line leaves a prefix of an object, which is never a complete value; a complete
/// value that is not an entry we know was written whole, by a newer or different writer, and is
/// never cut. Only runs on lines that already failed to parse.
/// </summary>
internal static class CompleteJson
{
    // serde_json's own limits: a line it could not parse at all is no newer writer's entry.
    private static readonly JsonReaderOptions SerdeLimits = Serialization.Wire.ReaderOptions;

    /// <summary>Whether <paramref name="utf8"/> (valid UTF-8) is exactly one JSON value, with only whitespace around it, within serde_json's nesting limit.</summary>
    public static bool IsComplete(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, SerdeLimits);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The top-level <c>type</c> string and <c>version</c> number of a complete JSON object, each
    /// when present and of that shape; used to say what an unreadable entry is.
    /// </summary>
    public static void Probe(ReadOnlySpan<byte> utf8, out string? type, out ulong? version)
    {
        type = null;
        version = null;
        var reader = new Utf8JsonReader(utf8, SerdeLimits);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isType = reader.ValueTextEquals("type"u8);
                bool isVersion = reader.ValueTextEquals("version"u8);
                reader.Read();
                if (isType && type is null && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }
                else if (isVersion && version is null && reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out ulong number))
                {
                    version = number;
                }

                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // A lone surrogate in the type, say: what was learnt so far stands.
        }
    }
}

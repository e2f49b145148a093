using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Rho.Fast.Tests;

/// <summary>
/// What serde_json's <c>Value</c> makes of JSON text: duplicate keys resolved last-wins, keys
/// sorted, numbers compared by value. Two texts are the same value when their canonical forms match.
/// </summary>
internal static class SerdeValue
{
    public static string Canonical(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        var builder = new StringBuilder();
        Write(document.RootElement, builder);
        return builder.ToString();
    }

    private static void Write(JsonElement element, StringBuilder builder)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    properties[property.Name] = property.Value;
                }

                builder.Append('{');
                foreach (KeyValuePair<string, JsonElement> property in properties)
                {
                    builder.Append(JsonSerializer.Serialize(property.Key)).Append(':');
                    Write(property.Value, builder);
                    builder.Append(',');
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Write(item, builder);
                    builder.Append(',');
                }

                builder.Append(']');
                break;
            case JsonValueKind.Number:
                builder.Append(element.GetDouble().ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.String:
                builder.Append(JsonSerializer.Serialize(element.GetString()));
                break;
            default:
                builder.Append(element.GetRawText());
                break;
        }
    }
}

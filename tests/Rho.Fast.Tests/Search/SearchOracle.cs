using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Rho.Fast.Tests.Search;

/// <summary>
/// What a search must find, worked out the slow way: every message read by the reader, its texts
/// decoded, and the text looked for with <see cref="string.IndexOf(string, StringComparison)"/>;
/// argument strings through <see cref="JsonDocument"/>, not the search's own reader.
/// </summary>
internal static class SearchOracle
{
    public static List<int> MessagesContaining(IReadOnlyList<Message> messages, string needle)
    {
        var found = new List<int>();
        for (int i = 0; i < messages.Count; i++)
        {
            foreach (string text in Texts(messages[i]))
            {
                if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(i);
                    break;
                }
            }
        }

        return found;
    }

    public static IEnumerable<string> Texts(Message message)
    {
        if (message is Message.SystemPrompt system)
        {
            yield return system.Text.ToString();
        }
        else if (message is Message.ToolResult { Result: var result })
        {
            yield return result.Content.ToString();
        }

        IReadOnlyList<ContentBlock> blocks = message switch
        {
            Message.User user => user.Content,
            Message.Assistant assistant => assistant.Content,
            _ => [],
        };
        foreach (ContentBlock block in blocks)
        {
            if (block is ContentBlock.Text { Value: var value })
            {
                yield return value.ToString();
            }
            else if (block is ContentBlock.ToolCall { Call: var call })
            {
                using JsonDocument document = JsonDocument.Parse(call.Arguments.Utf8, new JsonDocumentOptions { MaxDepth = 256 });
                foreach (string text in Strings(document.RootElement))
                {
                    yield return text;
                }
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    foreach (string value in Strings(item))
                    {
                        yield return value;
                    }
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    foreach (string value in Strings(property.Value))
                    {
                        yield return value;
                    }
                }

                break;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// The text a search looks in: system prompts, user and assistant text, tool output, and the
/// string values in tool-call arguments (commands, paths, file contents); not ids, tool names or keys.
/// </summary>
internal static class MessageText
{
    /// <summary>The first of <paramref name="message"/>'s texts that contains <paramref name="needle"/> ignoring case, and where.</summary>
    public static bool TryFind(Message message, string needle, out string text, out int at)
    {
        switch (message)
        {
            case Message.SystemPrompt system:
                return Contains(system.Text.ToString(), needle, out text, out at);
            case Message.User user:
                return TryFind(user.Content, needle, out text, out at);
            case Message.Assistant assistant:
                return TryFind(assistant.Content, needle, out text, out at);
            case Message.ToolResult { Result: var result }:
                return Contains(result.Content.ToString(), needle, out text, out at);
            default:
                (text, at) = ("", -1);
                return false;
        }
    }

    private static bool TryFind(IReadOnlyList<ContentBlock> blocks, string needle, out string text, out int at)
    {
        foreach (ContentBlock block in blocks)
        {
            switch (block)
            {
                case ContentBlock.Text { Value: var value } when Contains(value.ToString(), needle, out text, out at):
                    return true;
                case ContentBlock.ToolCall { Call: var call } when TryFindInArguments(call.Arguments, needle, out text, out at):
                    return true;
            }
        }

        (text, at) = ("", -1);
        return false;
    }

    private static bool TryFindInArguments(RawJson arguments, string needle, out string text, out int at)
    {
        var reader = new Utf8JsonReader(arguments.Utf8.Span, Wire.ReaderOptions);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.String && Contains(reader.GetString()!, needle, out text, out at))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Arguments made in code need not be JSON; there is no text to search in them then.
        }
        catch (InvalidOperationException)
        {
            // A string holding a lone surrogate escape cannot be decoded: nothing in it to find.
        }

        (text, at) = ("", -1);
        return false;
    }

    private static bool Contains(string candidate, string needle, out string text, out int at)
    {
        text = candidate;
        at = candidate.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
        return at >= 0;
    }
}

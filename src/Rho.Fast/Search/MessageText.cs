using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// The text a search looks in: system prompts, user and assistant text, tool output, and the
/// string values in tool-call arguments (commands, paths, file contents); not ids, tool names or
/// keys. Each is searched as UTF-8, without making a string of it: text read without escapes is
/// searched where it lies, other text is unescaped into one reused buffer first.
/// </summary>
internal sealed class MessageText(NeedlePattern pattern)
{
    private readonly ArrayBufferWriter<byte> _unescaped = new(1 << 12);

    /// <summary>The first of <paramref name="message"/>'s texts that holds a match, and where the match is in it (in chars).</summary>
    public bool TryFind(Message message, out string text, out int at, out int length)
    {
        switch (message)
        {
            case Message.SystemPrompt system:
                return TryFind(system.Text, out text, out at, out length);
            case Message.User user:
                return TryFind(user.Content, out text, out at, out length);
            case Message.Assistant assistant:
                return TryFind(assistant.Content, out text, out at, out length);
            case Message.EnrichedAssistant enriched:
                return TryFind(enriched.Content, out text, out at, out length);
            case Message.AbortedAssistant aborted:
                return TryFind(aborted.Content, out text, out at, out length);
            case Message.ToolResult { Result: var result }:
                return TryFind(result.Content, out text, out at, out length);
            default:
                return NotFound(out text, out at, out length);
        }
    }

    private bool TryFind(IReadOnlyList<ContentBlock> blocks, out string text, out int at, out int length)
    {
        foreach (ContentBlock block in blocks)
        {
            switch (block)
            {
                case ContentBlock.Text { Value: var value } when TryFind(value, out text, out at, out length):
                    return true;
                case ContentBlock.ToolCall { Call: var call } when TryFindInArguments(call.Arguments, out text, out at, out length):
                    return true;
            }
        }

        return NotFound(out text, out at, out length);
    }

    private bool TryFind(Utf8Text value, out string text, out int at, out int length)
    {
        ReadOnlySpan<byte> utf8;
        if (!value.TryGetUtf8(out utf8))
        {
            _unescaped.ResetWrittenCount();
            value.CopyUtf8To(_unescaped);
            utf8 = _unescaped.WrittenSpan;
        }

        return Located(utf8, out text, out at, out length);
    }

    private bool TryFindInArguments(RawJson arguments, out string text, out int at, out int length)
    {
        var reader = new Utf8JsonReader(arguments.Utf8.Span, Wire.ReaderOptions);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    continue;
                }

                ReadOnlySpan<byte> utf8 = reader.ValueSpan;
                if (reader.ValueIsEscaped)
                {
                    _unescaped.ResetWrittenCount();
                    int written = reader.CopyString(_unescaped.GetSpan(utf8.Length));
                    _unescaped.Advance(written);
                    utf8 = _unescaped.WrittenSpan;
                }

                if (Located(utf8, out text, out at, out length))
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

        return NotFound(out text, out at, out length);
    }

    /// <summary>A match in <paramref name="utf8"/>: the text as a string, and the match in chars.</summary>
    private bool Located(ReadOnlySpan<byte> utf8, out string text, out int at, out int length)
    {
        int start = pattern.Find(utf8, out int bytes);
        if (start < 0)
        {
            return NotFound(out text, out at, out length);
        }

        // A match starts and ends on character boundaries: each class member is a whole character.
        text = Encoding.UTF8.GetString(utf8);
        at = Encoding.UTF8.GetCharCount(utf8[..start]);
        length = Encoding.UTF8.GetCharCount(utf8.Slice(start, bytes));
        return true;
    }

    private static bool NotFound(out string text, out int at, out int length)
    {
        (text, at, length) = ("", -1, 0);
        return false;
    }
}

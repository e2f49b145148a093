using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Rho.Fast.Serialization;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// The seed's <c>read_messages</c>, re-implemented as plainly as it is written, to compare the
/// streaming reader against: split lines, skip blank ones (Rust's <c>trim</c>), parse each with
/// <see cref="Wire.Deserialize{T}(ReadOnlySpan{byte})"/>, ignore a failing last line, keep the
/// messages, then <c>drop_incomplete_tool_turn_tail</c>. It holds the whole file in memory.
/// </summary>
/// <remarks>
/// Two documented leniencies of Rho.Fast are applied, where the seed would fail the whole read:
/// a UTF-8 BOM before the first line is skipped, and invalid UTF-8 is an unreadable line (so it
/// may be a torn last line) rather than an I/O error for the file.
/// </remarks>
internal static class ReferenceReader
{
    /// <summary>The repaired messages, or <see langword="null"/> with <paramref name="error"/> when the reference rejects the file.</summary>
    public static List<Message>? Read(ReadOnlySpan<byte> file, out string? error) =>
        Parse(file, out error) is { } messages ? DropIncompleteToolTurnTail(messages) : null;

    /// <summary>
    /// What resuming the store gives for these parsed messages: them, with a tool turn they end
    /// inside answered by one failed "interrupted" result per missing call; or <see langword="null"/>
    /// when a turn is followed by a message that does not answer it, which resuming refuses.
    /// </summary>
    public static List<Message>? Resumed(List<Message> messages)
    {
        List<Message> kept = DropIncompleteToolTurnTail(messages);
        if (kept.Count == messages.Count)
        {
            return messages;
        }

        var turn = (Message.Assistant)messages[kept.Count];
        List<string> ids = turn.Content.OfType<ContentBlock.ToolCall>().Select(block => block.Call.Id).ToList();
        int answered = 0;
        while (kept.Count + 1 + answered < messages.Count && answered < ids.Count
            && messages[kept.Count + 1 + answered] is Message.ToolResult result && result.Result.Id == ids[answered])
        {
            answered++;
        }

        if (kept.Count + 1 + answered < messages.Count)
        {
            return null;
        }

        return [.. messages, .. ids.Skip(answered).Select(id => Message.ToolResultFor(id, false, SessionRepair.InterruptedResultText))];
    }

    /// <summary>The messages of every line the reference parses, before its tool-turn rule.</summary>
    public static List<Message>? Parse(ReadOnlySpan<byte> file, out string? error)
    {
        error = null;
        List<byte[]> lines = NonBlankLines(file);
        var messages = new List<Message>();
        for (int index = 0; index < lines.Count; index++)
        {
            SessionEntry entry;
            try
            {
                entry = Wire.Deserialize<SessionEntry>(lines[index]);
            }
            catch (JsonException) when (index + 1 == lines.Count)
            {
                break;
            }
            catch (JsonException e)
            {
                error = "line " + (index + 1) + " of the non-blank lines: " + e.Message;
                return null;
            }

            if (entry is SessionEntry.MessageEntry { Body: var message })
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>The seed's <c>drop_incomplete_tool_turn_tail</c>.</summary>
    public static List<Message> DropIncompleteToolTurnTail(List<Message> messages)
    {
        int index = 0;
        while (index < messages.Count)
        {
            if (messages[index] is not Message.Assistant assistant)
            {
                index++;
                continue;
            }

            List<string> ids = assistant.Content.OfType<ContentBlock.ToolCall>().Select(block => block.Call.Id).ToList();
            if (ids.Count == 0)
            {
                index++;
                continue;
            }

            int resultsStart = index + 1;
            int resultsEnd = resultsStart + ids.Count;
            if (resultsEnd > messages.Count)
            {
                return messages.Take(index).ToList();
            }

            bool complete = ids.Select((id, offset) => messages[resultsStart + offset] is Message.ToolResult result && result.Result.Id == id).All(ok => ok);
            if (!complete)
            {
                return messages.Take(index).ToList();
            }

            index = resultsEnd;
        }

        return messages;
    }

    /// <summary>Rust's <c>BufRead::lines</c> (a final <c>\n</c> ends the last line; <c>\r\n</c> is one ending) with blank lines removed.</summary>
    public static List<byte[]> NonBlankLines(ReadOnlySpan<byte> file)
    {
        var lines = new List<byte[]>();
        bool first = true;
        while (!file.IsEmpty)
        {
            int newline = file.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? file : file[..newline];
            file = newline < 0 ? [] : file[(newline + 1)..];
            if (newline >= 0 && line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (first && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                line = line[3..];
            }

            first = false;
            if (!IsBlank(line))
            {
                lines.Add(line.ToArray());
            }
        }

        return lines;
    }

    /// <summary><c>str::trim().is_empty()</c>: .NET's <see cref="char.IsWhiteSpace(char)"/> is the same Unicode White_Space set.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(line);
        }
        catch (ArgumentException)
        {
            return false;
        }

        return text.All(char.IsWhiteSpace);
    }
}

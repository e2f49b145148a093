using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Unicode;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// The reference reader's rules, applied one line at a time so a file is read in a single pass:
/// blank lines skipped; an unreadable line tolerated only if no non-empty line follows it; header
/// entries skipped; an assistant turn with tool calls held back until all its results arrive in
/// order, and the history cut before it when they do not. Only the open turn is ever held.
/// </summary>
internal sealed class TailRepairer
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private readonly string? _source;
    private readonly List<Message> _output;
    private readonly List<Message> _turn = new();
    private readonly SessionReadSummary _summary = new();

    private List<string>? _expectedIds;
    private long _turnLine;
    private long _turnOffset;
    private bool _cut;
    private PendingError? _pending;

    /// <param name="source">The input's name for errors.</param>
    /// <param name="output">Receives each message once it is known to survive repair.</param>
    public TailRepairer(string? source, List<Message> output)
    {
        _source = source;
        _output = output;
    }

    public SessionReadSummary Summary => _summary;

    /// <summary>Processes one line without its <c>\n</c>.</summary>
    /// <param name="line">The line's bytes (a trailing <c>\r</c> is removed here).</param>
    /// <param name="offset">The offset of the line's first byte in the input.</param>
    /// <param name="end">The offset just past the line and its newline.</param>
    public void Line(ReadOnlySpan<byte> line, long offset, long end)
    {
        long number = ++_summary.LineCount;
        _summary.BytesRead = end;
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        int skipped = 0;
        if (offset == 0 && line.StartsWith(Bom))
        {
            // Documented leniency: a UTF-8 BOM before the first line is ignored (serde would fail).
            line = line[3..];
            skipped = 3;
        }

        bool blank = RustWhitespace.IsBlank(line);
        if (_pending is { } pending)
        {
            if (!blank)
            {
                throw pending.ToException(_source);
            }

            return;
        }

        if (blank)
        {
            Commit(end);
            return;
        }

        if (!Utf8.IsValid(line))
        {
            _pending = new PendingError(number, offset, offset + skipped + FirstInvalidByte(line), "the line is not valid UTF-8", null);
            return;
        }

        SessionEntry entry;
        try
        {
            entry = Wire.DeserializeValidUtf8<SessionEntry>(line);
        }
        catch (JsonException e)
        {
            long at = offset + skipped + (e.BytePositionInLine ?? 0);
            _pending = new PendingError(number, offset, at, e is WireFormatException w ? w.Message : "invalid JSON: " + e.Message, e);
            return;
        }

        if (entry is SessionEntry.Message { Body: var message })
        {
            _summary.MessageEntryCount++;
            Accept(message, number, offset, end);
        }
        else
        {
            _summary.Header ??= (SessionEntry.Session)entry;
            Commit(end);
        }
    }

    /// <summary>Ends the input: an unreadable last line is a torn write, an open turn is dropped.</summary>
    public SessionReadSummary Complete()
    {
        if (_pending is { } pending)
        {
            _summary.TornTail = new SessionLineIssue(pending.Line, pending.LineOffset, pending.Reason);
        }

        if (_expectedIds is not null)
        {
            Cut(_turn.Count);
        }

        return _summary;
    }

    private void Accept(Message message, long number, long offset, long end)
    {
        if (_cut)
        {
            _summary.DroppedMessageCount++;
            return;
        }

        if (_expectedIds is null)
        {
            if (message is Message.Assistant assistant && assistant.ToolCallCount > 0)
            {
                OpenTurn(assistant, number, offset);
                return;
            }

            _output.Add(message);
            Commit(end);
            return;
        }

        if (message is Message.ToolResult { Result.Id: var id } && id == _expectedIds[_turn.Count - 1])
        {
            _turn.Add(message);
            if (_turn.Count - 1 == _expectedIds.Count)
            {
                _output.AddRange(_turn);
                _turn.Clear();
                _expectedIds = null;
                Commit(end);
            }

            return;
        }

        // Not the answer the open turn needs: the reference cuts the history before the turn.
        Cut(_turn.Count + 1);
    }

    private void OpenTurn(Message.Assistant assistant, long number, long offset)
    {
        _expectedIds = new List<string>(assistant.ToolCallCount);
        foreach (ContentBlock block in assistant.Content)
        {
            if (block is ContentBlock.ToolCall { Call.Id: var id })
            {
                _expectedIds.Add(id);
            }
        }

        _turn.Add(assistant);
        _turnLine = number;
        _turnOffset = offset;
    }

    private void Cut(int droppedMessages)
    {
        _summary.DroppedTurn = new SessionLineIssue(
            _turnLine,
            _turnOffset,
            "assistant message with " + _expectedIds!.Count + " tool call(s) is not followed by all of their results in order");
        _summary.DroppedMessageCount += droppedMessages;
        _turn.Clear();
        _expectedIds = null;
        _cut = true;
    }

    private void Commit(long end)
    {
        if (!_cut && _expectedIds is null)
        {
            _summary.ValidLength = end;
        }
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> line)
    {
        int index = 0;
        while (System.Text.Rune.DecodeFromUtf8(line[index..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
        {
            index += consumed;
        }

        return index;
    }

    /// <summary>An unreadable line, held until we know whether it is the last non-empty one.</summary>
    private sealed record PendingError(long Line, long LineOffset, long ByteOffset, string Reason, Exception? Inner)
    {
        public SessionFormatException ToException(string? source) => new(
            source, Line, LineOffset, ByteOffset,
            Reason + "; only the last non-empty line may be unreadable (a torn write), and this one is followed by more entries",
            Inner);
    }
}

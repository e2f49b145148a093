using System;
using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>
/// The reference reader's rules, applied one line at a time so a file is read in a single pass:
/// blank lines skipped; an unreadable line tolerated only if no non-empty line follows it (or as
/// <see cref="SessionRecovery"/> says); header entries skipped; an assistant turn with tool calls
/// held back until all its results arrive in order, and the history cut before it when they do
/// not. Only the open turn is ever held.
/// </summary>
internal sealed class TailRepairer : ILineSink
{
    private readonly string? _source;
    private readonly SessionRecovery _recovery;
    private readonly List<Message> _output;
    private readonly List<Message> _turn = new();
    private readonly SessionReadSummary _summary = new();

    private List<string>? _expectedIds;
    private long _turnLine;
    private long _turnOffset;
    private bool _cut;
    private PendingError? _pending;

    /// <param name="options">The input's name and the recovery mode.</param>
    /// <param name="output">Receives each message once it is known to survive repair.</param>
    public TailRepairer(SessionReadOptions options, List<Message> output)
    {
        _source = options.SourceName;
        _recovery = options.Recovery;
        _output = output;
    }

    public SessionReadSummary Summary => _summary;

    public long LineCount => _summary.LineCount;

    public void Line(ReadOnlySpan<byte> line, long offset, long end)
    {
        long number = ++_summary.LineCount;
        _summary.BytesRead = end;
        ReadOnlySpan<byte> content = SessionLine.Content(line, offset, out int skipped);
        LineKind kind = SessionLine.Decode(content, offset + skipped, out SessionEntry? entry, out LineError? error);
        if (_pending is { } pending)
        {
            if (kind == LineKind.Blank)
            {
                return;
            }

            throw pending.ToException(_source);
        }

        switch (kind)
        {
            case LineKind.Blank:
                Commit(end);
                return;
            case LineKind.Unreadable:
                Unreadable(content, number, offset, end, error!);
                return;
        }

        Accept(entry!, number, offset, end);
    }

    /// <summary>Ends the input: an unreadable last line is a torn write, an open turn is dropped.</summary>
    public SessionReadSummary Complete()
    {
        if (_pending is { } pending)
        {
            _summary.TornTail = new SessionLineIssue(pending.Line, pending.LineOffset, pending.Error.Reason);
        }

        if (_expectedIds is not null)
        {
            Cut(_turn.Count);
        }

        return _summary;
    }

    private void Unreadable(ReadOnlySpan<byte> content, long number, long offset, long end, LineError error)
    {
        switch (_recovery)
        {
            case SessionRecovery.Strict:
                throw new PendingError(number, offset, error).ToException(_source, strict: true);
            case SessionRecovery.TolerateTail:
                // Whether this is a torn last line is known only once the next non-empty line comes.
                _pending = new PendingError(number, offset, error);
                return;
        }

        if (SessionLine.Salvage(content, number, offset, error, _summary, out SessionEntry? recovered) >= 0)
        {
            Accept(recovered!, number, offset, end);
        }
    }

    private void Accept(SessionEntry entry, long number, long offset, long end)
    {
        if (entry is not SessionEntry.Message { Body: var message })
        {
            _summary.Header ??= (SessionEntry.Session)entry;
            Commit(end);
            return;
        }

        _summary.MessageEntryCount++;
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
        // In salvage mode the prefix ends at the first damaged line: what follows was kept only by salvage.
        if (!_cut && _expectedIds is null && _summary.SkippedLines.Count == 0 && _summary.RecoveredLines.Count == 0)
        {
            _summary.ValidLength = end;
        }
    }

    /// <summary>An unreadable line, held until we know whether it is the last non-empty one.</summary>
    private sealed record PendingError(long Line, long LineOffset, LineError Error)
    {
        public SessionFormatException ToException(string? source, bool strict = false) => new(
            source, Line, LineOffset, Error.ByteOffset,
            Error.Reason + (strict
                ? " (strict recovery: no unreadable line is tolerated)"
                : "; only the last non-empty line may be unreadable (a torn write), and this one is followed by more entries"),
            Error.Inner);
    }
}

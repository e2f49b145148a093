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
    private bool _sawEntry;
    private PendingError? _pending;
    private (SessionLineIssue Issue, LineError Error)? _pendingUnknown;

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
        kind = SessionLine.InContext(kind, entry, _summary.FormatVersion is not null);
        if (kind == LineKind.Blank)
        {
            if (_pending is null && _pendingUnknown is null)
            {
                Commit(end);
            }

            return;
        }

        if (_pending is { } pending)
        {
            throw pending.ToException(_source);
        }

        if (_pendingUnknown is { } unknown)
        {
            throw NewerFormat(unknown.Issue, unknown.Error);
        }

        if (!_sawEntry)
        {
            _sawEntry = true;
            _summary.StartsWithHeader = entry is SessionEntry.Header || error is { IsHeader: true };
        }

        switch (kind)
        {
            case LineKind.Torn:
                Torn(content, number, offset, end, error!);
                return;
            case LineKind.Unknown:
            case LineKind.UnsupportedVersion:
                Unknown(content, kind, number, offset, error!);
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
            _summary.TornTailHoldsEntry = pending.HoldsEntry;
        }

        if (_pendingUnknown is { } unknown)
        {
            _summary.AddUnknown(unknown.Issue);
        }

        if (_expectedIds is not null)
        {
            // The input ends inside the turn: what is missing is known, and could still be answered.
            _summary.UnansweredToolCallIds = _expectedIds.GetRange(_turn.Count - 1, _expectedIds.Count - (_turn.Count - 1));
            Cut(_turn.Count);
        }

        return _summary;
    }

    private void Torn(ReadOnlySpan<byte> content, long number, long offset, long end, LineError error)
    {
        switch (_recovery)
        {
            case SessionRecovery.Strict:
                throw new PendingError(number, offset, error, false).ToException(_source, strict: true);
            case SessionRecovery.TolerateTail:
                // Whether this is a torn last line is known only once the next non-empty line comes.
                // A complete entry glued behind the torn bytes must not be cut with them: note it.
                _pending = new PendingError(number, offset, error, SessionLine.NextEntry(content, 0, out _, out _, out _));
                return;
        }

        bool recovered = false;
        for (int from = 0; SessionLine.NextEntry(content, from, out int start, out int length, out SessionEntry? entry); from = start + length)
        {
            if (!recovered)
            {
                recovered = true;
                SessionLine.Record(content, number, offset, error, recovered: true, _summary);
            }

            Accept(entry!, number, offset, end);
        }

        if (!recovered)
        {
            SessionLine.Record(content, number, offset, error, recovered: false, _summary);
        }
    }

    /// <summary>A complete entry this version cannot read, or a header of another format version: reported, never dropped as damage.</summary>
    private void Unknown(ReadOnlySpan<byte> content, LineKind kind, long number, long offset, LineError error)
    {
        if (kind == LineKind.UnsupportedVersion)
        {
            _summary.FormatVersion ??= error.FormatVersion;
        }

        var issue = new SessionLineIssue(number, offset, SessionLine.NewerFormatReason(error), SessionLine.Preview(content));
        switch (_recovery)
        {
            case SessionRecovery.Strict:
                throw NewerFormat(issue, error);
            case SessionRecovery.TolerateTail:
                // The reference's rule for reading: a last line it cannot read is left out. It is
                // complete, so it is reported rather than taken for a torn write, and never cut.
                _pendingUnknown = (issue, error);
                return;
        }

        _summary.AddUnknown(issue);
    }

    private UnsupportedSessionFormatException NewerFormat(SessionLineIssue issue, LineError error) =>
        new(_source, issue.LineNumber, issue.ByteOffset, _summary.FormatVersion, issue.Reason, error.Inner);

    private void Accept(SessionEntry entry, long number, long offset, long end)
    {
        _summary.EntryCount++;
        if (entry is not SessionEntry.MessageEntry { Body: var message })
        {
            var header = (SessionEntry.Header)entry;
            _summary.Header ??= header;
            _summary.FormatVersion ??= header.Version;
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
        if (!_cut && _expectedIds is null && _summary.SkippedLines.Count == 0 && _summary.RecoveredLines.Count == 0 && _summary.UnknownEntries.Count == 0)
        {
            _summary.ValidLength = end;
        }
    }

    /// <summary>A torn line, held until we know whether it is the last non-empty one.</summary>
    /// <param name="Line">The 1-based line number.</param>
    /// <param name="LineOffset">Where the line starts.</param>
    /// <param name="Error">Why it is torn.</param>
    /// <param name="HoldsEntry">Whether a complete entry is glued behind the torn bytes.</param>
    private sealed record PendingError(long Line, long LineOffset, LineError Error, bool HoldsEntry)
    {
        public SessionFormatException ToException(string? source, bool strict = false) => new(
            source, Line, LineOffset, Error.ByteOffset,
            Error.Reason + (strict
                ? " (strict recovery: no unreadable line is tolerated)"
                : "; only the last non-empty line may be unreadable (a torn write), and this one is followed by more entries"),
            Error.Inner);
    }
}

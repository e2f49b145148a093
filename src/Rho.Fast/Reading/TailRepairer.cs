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
internal sealed class TailRepairer : IReadySink<Message>
{
    private readonly string? _source;
    private readonly SessionRecovery _recovery;
    private List<Message> _output = new();

    // Whether _output is filled as messages survive. A read of the message list alone leaves it
    // empty while the file is linear: the history builder holds the same messages in the same
    // order (what survives is always a prefix of them), so its list becomes the result at the end.
    private bool _ownOutput;
    private readonly List<Message> _turn = new();
    private readonly SessionReadSummary _summary = new();
    private readonly HistoryBuilder _history;

    // The ids the open turn's results must answer, in order; the turn is open while _turn holds its assistant message.
    private readonly List<string> _expectedIds = new();
    private long _turnLine;
    private long _turnOffset;
    private bool _cut;
    private bool _sawEntry;
    private PendingError? _pending;
    private (SessionLineIssue Issue, LineError Error)? _pendingUnknown;

    private readonly bool _streaming;
    private readonly bool _histories;
    private bool _completed;
    private long _treeLine;
    private int _unrecognized;
    private long _emitted;
    private long _emittedBeforeTree = -1;

    /// <param name="options">The input's name and the recovery mode.</param>
    /// <param name="output">What the read makes: the repaired messages, the histories, or a stream handed out as it fills.</param>
    public TailRepairer(SessionReadOptions options, RepairOutput output = RepairOutput.Messages)
    {
        _streaming = output == RepairOutput.Stream;
        _histories = output == RepairOutput.Histories;
        _source = options.SourceName;
        _recovery = options.Recovery;
        _history = new HistoryBuilder(options.SourceName, keepMessages: !_streaming, keepTimestamps: _histories);
        _ownOutput = output != RepairOutput.Messages;
    }

    /// <summary>What the read found so far; complete once <see cref="Complete"/> has run.</summary>
    public SessionReadSummary Summary => _summary;

    /// <summary>The summary once the input has ended, else <see langword="null"/>.</summary>
    public SessionReadSummary? CompletedSummary => _completed ? _summary : null;

    /// <summary>
    /// The messages known to survive repair. For a stream, those since the driver last took them;
    /// otherwise, once <see cref="Complete"/> has run, the repaired history.
    /// </summary>
    public List<Message> Ready => _output;

    public long LineCount => _summary.LineCount;

    public void Line(ReadOnlySpan<byte> line, long offset, long end)
    {
        ReadOnlySpan<byte> content = SessionLine.Content(line, offset, out int skipped);
        LineKind kind = SessionLine.Decode(content, offset + skipped, out SessionEntry? entry, out LineError? error);
        Apply(content, offset, end, kind, entry, error);
    }

    /// <summary>
    /// Applies a line already decoded (perhaps on another thread): what <see cref="Line"/> does
    /// after <see cref="SessionLine.Decode"/>. Lines must come in file order.
    /// </summary>
    /// <param name="content">The line's content (<see cref="SessionLine.Content"/>).</param>
    /// <param name="offset">The offset of the line's first byte in the input.</param>
    /// <param name="end">The offset just past the line and its newline.</param>
    /// <param name="kind">What the decode found.</param>
    /// <param name="entry">The entry it read, if any.</param>
    /// <param name="error">Why it read none, if so.</param>
    public void Apply(ReadOnlySpan<byte> content, long offset, long end, LineKind kind, SessionEntry? entry, LineError? error)
    {
        long number = ++_summary.LineCount;
        _summary.BytesRead = end;
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
                Unknown(content, kind, number, offset, end, error!);
                return;
        }

        Accept(entry!, number, offset, end);
    }

    /// <summary>Ends the input: an unreadable last line is a torn write, an open turn is dropped.</summary>
    public void Complete()
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

        if (_turn.Count > 0)
        {
            // The input ends inside the turn: what is missing is known, and could still be answered.
            _summary.UnansweredToolCallIds = _expectedIds.GetRange(_turn.Count - 1, _expectedIds.Count - (_turn.Count - 1));
            Cut(_turn.Count);
        }

        _summary.IsReadOnlyFormat = !_history.IsOwnFormat;
        if (!_history.IsLinear)
        {
            // Not a file the seed's rules read: the messages are the model history rho 1.47 rebuilds.
            if (_streaming && (_emittedBeforeTree > 0 || _history.UnkeptMessages > 0))
            {
                throw new UnsupportedSessionFormatException(
                    _source, _treeLine, 0, _summary.FormatVersion,
                    "line " + _treeLine + " holds a record of rho 1.47's formats (a compaction, snapshot, tree node or display message) after messages already streamed; "
                    + "its history is rebuilt at the end of the file, so read it with SessionReader.ReadHistories or ReadMessages");
            }

            List<Message> model = _history.Build().FullModel();
            int kept = ToolTurns.AnsweredLength(model);
            _output = model.GetRange(0, kept);
            _ownOutput = true;
            _summary.DroppedTurn = null;
            _summary.UnansweredToolCallIds = [];
            _summary.DroppedMessageCount = model.Count - kept;
        }

        if (!_ownOutput)
        {
            _output = _history.TakeLinearModel((int)_emitted);
            _ownOutput = true;
        }

        _completed = true;
    }

    /// <summary>The histories rho 1.47 resumes with; call after <see cref="Complete"/>.</summary>
    public SessionHistories Histories()
    {
        if (!_histories)
        {
            throw new InvalidOperationException("the repairer was made without the histories' tree");
        }

        SessionHistoryTree? tree = null;
        try
        {
            tree = _history.Build();
        }
        catch (SessionFormatException) when (_history.IsLinear)
        {
            // A linear file the seed reads but rho 1.47 would not (no header, a second header): read by the seed's rules.
        }

        List<Message> model, display;
        int modelCut, displayCut;
        if (_history.IsLinear)
        {
            model = new List<Message>(_output);
            modelCut = (int)_summary.DroppedMessageCount;
            List<Message> fullDisplay = tree?.FullDisplay() ?? new List<Message>(_output);
            int keptDisplay = ToolTurns.AnsweredLength(fullDisplay);
            display = tree is null ? fullDisplay : fullDisplay.GetRange(0, keptDisplay);
            displayCut = tree is null ? modelCut : fullDisplay.Count - keptDisplay;
        }
        else
        {
            List<Message> fullModel = tree!.FullModel();
            List<Message> fullDisplay = tree.FullDisplay();
            int keptModel = ToolTurns.AnsweredLength(fullModel);
            int keptDisplay = ToolTurns.AnsweredLength(fullDisplay);
            model = fullModel.GetRange(0, keptModel);
            display = fullDisplay.GetRange(0, keptDisplay);
            modelCut = fullModel.Count - keptModel;
            displayCut = fullDisplay.Count - keptDisplay;
        }

        List<Message> shown = tree?.AccumulatedDisplay() ?? new List<Message>(model);
        shown = shown.GetRange(0, ToolTurns.AnsweredLength(shown));
        if (_summary.IsReadOnlyFormat)
        {
            // rho 1.47 re-reads free JSON values; a file of the original format is shown as its reader shows it, as written.
            RhoMessageForm.Canonical(model);
            RhoMessageForm.Canonical(display);
        }

        return new SessionHistories(
            model,
            display,
            shown,
            tree?.ToTree() ?? new SessionTree([], null),
            _summary,
            modelCut,
            displayCut);
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
    private void Unknown(ReadOnlySpan<byte> content, LineKind kind, long number, long offset, long end, LineError error)
    {
        if (kind == LineKind.UnsupportedVersion)
        {
            _summary.FormatVersion ??= error.FormatVersion;
        }

        var issue = new SessionLineIssue(number, offset, SessionLine.NewerFormatReason(error), SessionLine.Preview(content));
        if (error.Unrecognized)
        {
            // A newer writer's entry of a type this version does not know: complete, so not damage
            // in any mode; reported and kept, never fatal, and no end to the valid prefix.
            _summary.AddUnknown(issue);
            _unrecognized++;
            Commit(end);
            return;
        }

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
        if (entry is SessionEntry.Header header)
        {
            // Before the history sees it: a format-4 header already makes the file a tree.
            _summary.Header ??= header;
            _summary.FormatVersion ??= header.Version;
        }

        _history.Add(entry, number, offset);
        if (!_ownOutput && _history.HasFailed)
        {
            // The builder keeps no more messages (the file is read by the seed's rules): from here the output is kept here.
            _output = _history.TakeLinearModel((int)_emitted);
            _ownOutput = true;
        }

        if (!_history.IsLinear)
        {
            // From here on the history is rho 1.47's, rebuilt at the end of the input.
            if (_emittedBeforeTree < 0)
            {
                _emittedBeforeTree = _emitted;
                _treeLine = number;
            }

            Commit(end);
            return;
        }

        if (entry is not SessionEntry.MessageEntry { Body: var message })
        {
            Commit(end);
            return;
        }

        _summary.MessageEntryCount++;
        if (_cut)
        {
            _summary.DroppedMessageCount++;
            return;
        }

        if (_turn.Count == 0)
        {
            IReadOnlyList<ContentBlock>? content = message switch
            {
                Message.Assistant assistant => assistant.Content,
                Message.EnrichedAssistant enriched => enriched.Content,
                _ => null,
            };
            if (content is not null && HasToolCall(content))
            {
                OpenTurn(message, content, number, offset);
                return;
            }

            if (_ownOutput)
            {
                _output.Add(message);
            }

            _emitted++;
            Commit(end);
            return;
        }

        if (message is Message.ToolResult { Result.Id: var id } && id == _expectedIds[_turn.Count - 1])
        {
            _turn.Add(message);
            if (_turn.Count - 1 == _expectedIds.Count)
            {
                if (_ownOutput)
                {
                    _output.AddRange(_turn);
                }

                _emitted += _turn.Count;
                _turn.Clear();
                _expectedIds.Clear();
                Commit(end);
            }

            return;
        }

        // Not the answer the open turn needs: the reference cuts the history before the turn.
        Cut(_turn.Count + 1);
    }

    private static bool HasToolCall(IReadOnlyList<ContentBlock> content)
    {
        for (int i = 0; i < content.Count; i++)
        {
            if (content[i] is ContentBlock.ToolCall)
            {
                return true;
            }
        }

        return false;
    }

    private void OpenTurn(Message assistant, IReadOnlyList<ContentBlock> content, long number, long offset)
    {
        for (int i = 0; i < content.Count; i++)
        {
            if (content[i] is ContentBlock.ToolCall { Call.Id: var id })
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
            "assistant message with " + _expectedIds.Count + " tool call(s) is not followed by all of their results in order");
        _summary.DroppedMessageCount += droppedMessages;
        _turn.Clear();
        _expectedIds.Clear();
        _cut = true;
    }

    private void Commit(long end)
    {
        // In salvage mode the prefix ends at the first damaged line: what follows was kept only by salvage.
        if (!_cut && _turn.Count == 0 && _summary.SkippedLines.Count == 0 && _summary.RecoveredLines.Count == 0 && _summary.UnknownEntries.Count == _unrecognized)
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

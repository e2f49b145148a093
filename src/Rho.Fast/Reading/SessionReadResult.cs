using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>A line that repair dropped or recovered: where it is and why.</summary>
/// <param name="LineNumber">The 1-based line number.</param>
/// <param name="ByteOffset">The byte offset where the line starts.</param>
/// <param name="Reason">Why the line was dropped.</param>
/// <param name="Preview">The line's first bytes as printable text, when reported for salvage.</param>
public sealed record SessionLineIssue(long LineNumber, long ByteOffset, string Reason, string? Preview = null);

/// <summary>What a read found besides the messages: the header, the repaired length, what was dropped.</summary>
public sealed class SessionReadSummary
{
    /// <summary>The first <c>session</c> header entry, if the input has one.</summary>
    public SessionEntry.Header? Header { get; internal set; }

    /// <summary>
    /// The format version the first header names, read even when this version of Rho.Fast does not
    /// read that format (then only <see cref="SessionRecovery.Salvage"/> gets this far); <see langword="null"/> without a header.
    /// </summary>
    public ulong? FormatVersion { get; internal set; }

    /// <summary>
    /// The byte offset where the valid, repaired prefix ends: every line before it was kept (or was
    /// blank, or a header); a torn last line or a dropped tool turn lie after it. Truncating the
    /// input here gives a file that reads back to the same messages.
    /// </summary>
    public long ValidLength { get; internal set; }

    /// <summary>The bytes read, the whole input.</summary>
    public long BytesRead { get; internal set; }

    /// <summary>The number of lines, counting blank ones.</summary>
    public long LineCount { get; internal set; }

    /// <summary>The number of message entries parsed, kept or not.</summary>
    public long MessageEntryCount { get; internal set; }

    /// <summary>
    /// The complete entries read, kept or not: headers, messages, and the entries of
    /// <see cref="UnknownEntries"/>. With <see cref="SessionRecovery.Salvage"/> these are exactly the
    /// entries a salvage keeps.
    /// </summary>
    public long EntryCount { get; internal set; }

    /// <summary>The last non-empty line, when it could not be read and so was ignored as a torn write.</summary>
    public SessionLineIssue? TornTail { get; internal set; }

    /// <summary>The assistant message whose tool calls were not all answered, where repair cut the history.</summary>
    public SessionLineIssue? DroppedTurn { get; internal set; }

    /// <summary>How many parsed messages repair dropped (the unanswered turn and all after it).</summary>
    public long DroppedMessageCount { get; internal set; }

    /// <summary>
    /// When the input ends inside the <see cref="DroppedTurn"/> (its results stop short, nothing
    /// else follows): the ids of its tool calls that have no result, in call order. Empty when the
    /// turn is followed by a message that does not answer it, or when no turn was dropped.
    /// </summary>
    public IReadOnlyList<string> UnansweredToolCallIds { get; internal set; } = [];

    /// <summary>With <see cref="SessionRecovery.Salvage"/>: every unreadable line skipped, in order (a torn last line included).</summary>
    public IReadOnlyList<SessionLineIssue> SkippedLines => _skipped ?? (IReadOnlyList<SessionLineIssue>)[];

    /// <summary>With <see cref="SessionRecovery.Salvage"/>: damaged lines from which a complete entry was recovered.</summary>
    public IReadOnlyList<SessionLineIssue> RecoveredLines => _recovered ?? (IReadOnlyList<SessionLineIssue>)[];

    /// <summary>
    /// Complete entries this version of Rho.Fast cannot read (a newer writer's entry types, message
    /// kinds or fields, or a header of another format version): with <see cref="SessionRecovery.Salvage"/>
    /// every one; in the default mode the last non-empty line, which the reference's rule leaves out
    /// (anywhere else such an entry is an <see cref="UnsupportedSessionFormatException"/>). They are
    /// not messages of the result, and no repair ever removes them from a file.
    /// </summary>
    public IReadOnlyList<SessionLineIssue> UnknownEntries => _unknown ?? (IReadOnlyList<SessionLineIssue>)[];

    /// <summary>Whether the input needed any repair.</summary>
    public bool WasRepaired => TornTail is not null || DroppedTurn is not null || _skipped is not null || _recovered is not null;

    private List<SessionLineIssue>? _skipped;
    private List<SessionLineIssue>? _recovered;
    private List<SessionLineIssue>? _unknown;

    /// <summary>Whether the first non-blank line is a session header, of any format version.</summary>
    internal bool StartsWithHeader { get; set; }

    /// <summary>Whether the <see cref="TornTail"/> holds a complete entry glued behind the torn bytes, which cutting would lose.</summary>
    internal bool TornTailHoldsEntry { get; set; }

    /// <summary>
    /// Whether the file holds records of rho 1.47's formats (a header of version 2 to 4, display
    /// messages, compactions, snapshots, a conversation tree), which this version reads but does not
    /// write: resuming it gives a session that refuses appends, and repairs leave it unchanged.
    /// </summary>
    public bool IsReadOnlyFormat { get; internal set; }

    internal void AddSkipped(SessionLineIssue issue) => (_skipped ??= []).Add(issue);

    internal void AddRecovered(SessionLineIssue issue) => (_recovered ??= []).Add(issue);

    internal void AddUnknown(SessionLineIssue issue)
    {
        (_unknown ??= []).Add(issue);
        EntryCount++;
    }
}

/// <summary>The repaired messages of a session file and what the read found.</summary>
/// <param name="Messages">The messages that survive repair, in order.</param>
/// <param name="Summary">The header, the repaired length and what was dropped.</param>
public sealed record SessionReadResult(IReadOnlyList<Message> Messages, SessionReadSummary Summary);

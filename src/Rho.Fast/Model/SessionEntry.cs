using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// One line of a session file, internally tagged by <c>"type"</c>: the header, the messages of
/// format 1, the snapshots and deltas of formats 2 and 3, and the conversation tree of format 4
/// (see <c>docs/FORMAT-V4.md</c>).
/// </summary>
[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record SessionEntry
{
    // Closed hierarchy: only the cases below derive from it.
    private SessionEntry()
    {
    }

    /// <summary>The header, the first line of every session file.</summary>
    /// <param name="Version">The format version: 1 to 4 are read; Rho.Fast writes 1.</param>
    /// <param name="Id">The session id, a UUID v4.</param>
    /// <param name="Timestamp">Unix seconds as a decimal string.</param>
    /// <param name="Cwd">The working directory the session belongs to.</param>
    /// <param name="AgentId">The agent that wrote the session, when rho recorded one.</param>
    /// <param name="AgentFingerprint">A fingerprint of that agent's configuration, when recorded.</param>
    [WireCase(Name = "session")]
    public sealed partial record Header(
        uint Version,
        string Id,
        string Timestamp,
        string Cwd,
        [WireSkip(SkipWhen.Null)] string? AgentId = null,
        [WireSkip(SkipWhen.Null)] string? AgentFingerprint = null) : SessionEntry;

    /// <summary>A conversation message (formats 1 to 3, before an <see cref="Upgrade"/>).</summary>
    /// <param name="Timestamp">Unix seconds as a decimal string.</param>
    /// <param name="Body">The message, written under the key <c>message</c>.</param>
    /// <param name="Display">What the user saw instead, when it differs (<c>display_message</c>).</param>
    [WireCase(Name = "message")]
    public sealed partial record MessageEntry(
        string Timestamp,
        [WireName("message")] Message Body,
        [WireName("display_message"), WireSkip(SkipWhen.Null)] Message? Display = null) : SessionEntry;

    /// <summary>A compaction of format 1: the model history is replaced by <paramref name="Messages"/>.</summary>
    /// <param name="Timestamp">Unix seconds as a decimal string.</param>
    /// <param name="Messages">The new model history.</param>
    public sealed partial record ReplaceHistory(string Timestamp, IReadOnlyList<Message> Messages) : SessionEntry
    {
        /// <inheritdoc/>
        public bool Equals(ReplaceHistory? other) =>
            ReferenceEquals(this, other) || (other is not null && Timestamp == other.Timestamp && Sequences.Equal(Messages, other.Messages));

        /// <inheritdoc/>
        public override int GetHashCode() => Sequences.Hash(Messages);
    }

    /// <summary>A whole session state (formats 2 and 3).</summary>
    /// <param name="Timestamp">Unix seconds as a decimal string.</param>
    /// <param name="State">The state, written under the key <c>snapshot</c>.</param>
    /// <param name="DisplayMessages">What the user saw since the previous record.</param>
    public sealed partial record Snapshot(
        string Timestamp,
        [WireName("snapshot")] SessionSnapshot State,
        IReadOnlyList<DisplayMessage> DisplayMessages) : SessionEntry
    {
        /// <inheritdoc/>
        public bool Equals(Snapshot? other) =>
            ReferenceEquals(this, other) || (other is not null && Timestamp == other.Timestamp && State == other.State && Sequences.Equal(DisplayMessages, other.DisplayMessages));

        /// <inheritdoc/>
        public override int GetHashCode() => State.GetHashCode();
    }

    /// <summary>The history appended to a previous state (format 3).</summary>
    /// <param name="Timestamp">Unix seconds as a decimal string.</param>
    /// <param name="Delta">The change.</param>
    /// <param name="DisplayMessages">What the user saw since the previous record.</param>
    public sealed partial record SnapshotDelta(string Timestamp, SessionDelta Delta, IReadOnlyList<DisplayMessage> DisplayMessages) : SessionEntry
    {
        /// <inheritdoc/>
        public bool Equals(SnapshotDelta? other) =>
            ReferenceEquals(this, other) || (other is not null && Timestamp == other.Timestamp && Delta == other.Delta && Sequences.Equal(DisplayMessages, other.DisplayMessages));

        /// <inheritdoc/>
        public override int GetHashCode() => Delta.GetHashCode();
    }

    /// <summary>A node of the conversation tree (format 4, or formats 1 to 3 after an <see cref="Upgrade"/>).</summary>
    /// <param name="Id">The node's id.</param>
    /// <param name="ParentId">The parent node; none for the root.</param>
    /// <param name="Timestamp">Unix seconds as a decimal string.</param>
    /// <param name="Kind">An ordinary commit or a compaction.</param>
    /// <param name="CompactionFacts">What a compaction removed, when recorded.</param>
    /// <param name="Transition">The state of the node: a whole snapshot, or a delta on the parent's.</param>
    /// <param name="DisplayMessages">What the user saw since the parent.</param>
    public sealed partial record Node(
        string Id,
        [WireSkip(SkipWhen.Null)] string? ParentId,
        string Timestamp,
        NodeKind Kind,
        [WireSkip(SkipWhen.Null)] CompactionFacts? CompactionFacts,
        NodeTransition Transition,
        [WireDefault] IReadOnlyList<DisplayMessage> DisplayMessages) : SessionEntry
    {
        /// <inheritdoc/>
        public bool Equals(Node? other) =>
            ReferenceEquals(this, other) || (other is not null && Id == other.Id && ParentId == other.ParentId && Timestamp == other.Timestamp
                && Kind == other.Kind && CompactionFacts == other.CompactionFacts && Transition == other.Transition && Sequences.Equal(DisplayMessages, other.DisplayMessages));

        /// <inheritdoc/>
        public override int GetHashCode() => Id.GetHashCode(System.StringComparison.Ordinal);
    }

    /// <summary>Moves the active branch to another node of the tree.</summary>
    /// <param name="Timestamp">Unix seconds as a decimal string.</param>
    /// <param name="TargetId">The node that becomes the active leaf.</param>
    public sealed partial record SetLeaf(string Timestamp, string TargetId) : SessionEntry;

    /// <summary>The marker after which a file of format 1 to 3 continues as a tree.</summary>
    /// <param name="Timestamp">Unix seconds as a decimal string.</param>
    /// <param name="ActiveLeafId">The legacy node the tree continues from.</param>
    public sealed partial record Upgrade(string Timestamp, string ActiveLeafId) : SessionEntry;

    /// <summary>
    /// An entry of a type this version does not know, kept as its raw JSON and written back byte
    /// for byte: a newer writer's entries are reported, never lost.
    /// </summary>
    /// <param name="Json">The whole entry.</param>
    [WireOther]
    public sealed partial record Unrecognized(RawJson Json) : SessionEntry;
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Rho.Fast;

/// <summary>
/// Rebuilds, one entry at a time, the conversation tree of a session file of format 1 to 4 the way
/// rho 1.47 does (docs/FORMAT-V4.md §2): legacy records make a chain of nodes, an <c>upgrade</c>
/// marker turns the file into a tree, <c>node</c> and <c>set_leaf</c> grow it and move the active
/// branch. Memory is what the file's states hold: appended histories share their prefixes.
/// </summary>
internal sealed class HistoryBuilder
{
    private const int MaxNodeIdBytes = 128;

    private readonly string? _source;
    private readonly Dictionary<string, HistoryNode> _explicit = new(StringComparer.Ordinal);
    private readonly List<HistoryNode> _legacy = new();
    private readonly List<HistoryNode> _order = new();
    private HistoryState _legacyState = HistoryState.Empty;
    private readonly List<long> _deferredOffsets = new();
    private readonly List<string> _deferredTimestamps = new();
    private bool _deferring = true;
    private SessionEntry.Header? _header;
    private HistoryNode? _active;
    private bool _upgraded;
    private SessionFormatException? _failure;
    private long _line;
    private long _offset;

    private readonly bool _keepMessages;
    private readonly bool _keepTimestamps;

    /// <param name="source">The input's name, for errors.</param>
    /// <param name="keepMessages">
    /// Whether the messages of a file of messages alone are kept: not when streaming, where memory
    /// must stay bounded; such a file that then turns out to need them cannot be streamed (see <see cref="UnkeptMessages"/>).
    /// </param>
    /// <param name="keepTimestamps">
    /// Whether the nodes of a file of messages alone record their lines' timestamps: only the tree
    /// shows them, and a read of the model history alone would keep a string per line for nothing.
    /// </param>
    public HistoryBuilder(string? source, bool keepMessages = true, bool keepTimestamps = true)
    {
        _source = source;
        _keepMessages = keepMessages;
        _keepTimestamps = keepTimestamps;
    }

    /// <summary>How many messages of a file of messages alone were counted but not kept.</summary>
    public long UnkeptMessages { get; private set; }

    /// <summary>Whether a record broke the rules: <see cref="Build"/> throws, and no more messages are kept.</summary>
    public bool HasFailed => _failure is not null;

    /// <summary>
    /// The first <paramref name="count"/> messages of a file read while it was linear, handed over
    /// without a copy: the builder's own list. Nothing may be asked of the builder's history after.
    /// </summary>
    public List<Message> TakeLinearModel(int count) => _legacyState.Model.Detach(count);

    /// <summary>
    /// Whether the history is the file's messages in order: a header of format 1 to 3 (or none), then
    /// message entries only, so the seed's reading rules give the same model history, message by message.
    /// </summary>
    public bool IsLinear { get; private set; } = true;

    /// <summary>Whether the file is in the format this version writes: format 1, messages without display messages.</summary>
    public bool IsOwnFormat { get; private set; } = true;

    public SessionEntry.Header? Header => _header;

    public void Add(SessionEntry entry, long lineNumber, long offset)
    {
        switch (entry)
        {
            case SessionEntry.Header header when _header is null && _failure is null && _order.Count == 0:
                // The first header decides the format; a later one the seed skips, whatever its version.
                IsLinear &= header.Version < Session.NewestReadableFormatVersion;
                IsOwnFormat &= header.Version == Session.FormatVersion;
                break;
            case SessionEntry.Header:
            case SessionEntry.MessageEntry { Display: null }:
                break;
            case SessionEntry.MessageEntry:
                IsOwnFormat = false;
                break;
            default:
                IsLinear = false;
                IsOwnFormat = false;
                break;
        }

        if (_failure is not null)
        {
            return;
        }

        _line = lineNumber;
        _offset = offset;
        try
        {
            Apply(entry);
        }
        catch (SessionFormatException e)
        {
            // A linear file is read by the seed's rules, which differ here (a second header, messages
            // before the header); the failure matters only if the file is not linear.
            _failure = e;
        }
    }

    /// <summary>The rebuilt tree and the two histories; throws the first error the records made.</summary>
    public SessionHistoryTree Build()
    {
        if (_failure is not null)
        {
            throw _failure;
        }

        Materialize();
        return new SessionHistoryTree(_order, _active);
    }

    private void Apply(SessionEntry entry)
    {
        if (entry is not (SessionEntry.MessageEntry or SessionEntry.Header))
        {
            Materialize();
        }

        switch (entry)
        {
            case SessionEntry.Header header:
                if (_header is not null)
                {
                    throw Error("session log contains more than one session header");
                }

                if (header.Version is < 1 or > Session.NewestReadableFormatVersion)
                {
                    throw Error("unsupported session version " + header.Version.ToString(CultureInfo.InvariantCulture));
                }

                _header = header;
                return;
            case SessionEntry.MessageEntry message:
                LegacyPhase("message");
                LegacyMessage(message);
                return;
            case SessionEntry.ReplaceHistory replace:
                LegacyPhase("replace_history");
                LegacyReplace(replace);
                return;
            case SessionEntry.Snapshot snapshot:
                LegacyPhase("snapshot");
                LegacySnapshot(snapshot);
                return;
            case SessionEntry.SnapshotDelta delta:
                LegacyPhase("snapshot_delta");
                LegacyDelta(delta);
                return;
            case SessionEntry.Upgrade upgrade:
                Upgrade(upgrade);
                return;
            case SessionEntry.Node node:
                ExplicitPhase("node");
                Node(node);
                return;
            case SessionEntry.SetLeaf setLeaf:
                ExplicitPhase("set_leaf");
                CheckNodeId(setLeaf.TargetId);
                _active = Find(setLeaf.TargetId) ?? throw Error("active leaf names missing node '" + setLeaf.TargetId + "'");
                return;
        }

        // Unrecognized entries are reported by the line reader and change nothing here.
    }

    private bool Explicit => _header is { Version: Session.NewestReadableFormatVersion } || _upgraded;

    private void LegacyPhase(string type)
    {
        if (_header is null)
        {
            throw Error("legacy record appears before the session header");
        }

        if (Explicit)
        {
            throw Error("legacy record (" + type + ") appears in the explicit tree phase");
        }
    }

    private void ExplicitPhase(string type)
    {
        if (_header is null)
        {
            throw Error("explicit " + type + " record appears before the session header");
        }

        if (!Explicit)
        {
            throw Error("explicit " + type + " record appears before the legacy upgrade marker");
        }
    }

    private void LegacyMessage(SessionEntry.MessageEntry entry)
    {
        if (_deferring && !_keepMessages)
        {
            UnkeptMessages++;
            _legacyState.Revision = NextRevision(_legacyState.Revision);
            return;
        }

        ref HistoryState s = ref _legacyState;
        SnapshotMeta? before = s.Snapshot;
        bool displayIsModel = entry.Display is null && s.Display.IsSameView(s.Model);
        s.Model = s.Model.Append(entry.Body);
        s.ModelSanitized &= !NeedsSanitizing(entry.Body);
        Message shown = entry.Display ?? entry.Body;

        // While every message is shown as it is, both histories are one list: views share it until they differ.
        s.Display = displayIsModel ? s.Model : s.Display.Append(shown);
        s.Revision = NextRevision(s.Revision);
        if (_deferring)
        {
            // Only messages so far: node k's state is the first k messages, made when first needed.
            _deferredOffsets.Add(_offset);
            if (_keepTimestamps)
            {
                _deferredTimestamps.Add(entry.Timestamp);
            }

            return;
        }

        LegacyNode(NodeKind.Commit, [shown], before, entry.Timestamp);
    }

    /// <summary>
    /// Makes the nodes of the message records read while only messages had come: a file of messages
    /// alone (format 1, the common case) never needs them unless its tree is asked for.
    /// </summary>
    private void Materialize()
    {
        if (!_deferring)
        {
            return;
        }

        _deferring = false;
        HistoryState s = _legacyState;
        bool clean = true;
        for (int k = 1; k <= _deferredOffsets.Count; k++)
        {
            clean &= !NeedsSanitizing(s.Model[k - 1]);
            var state = new HistoryState
            {
                Model = s.Model.Take(k),
                Display = s.Display.Take(k),
                ModelSanitized = clean,
                Revision = (ulong)k,
                Compaction = CompactionState.None,
            };
            var node = new HistoryNode(null, _deferredOffsets[k - 1], _active, NodeKind.Commit, null, [s.Display[k - 1]], state, hasSnapshot: false, _keepTimestamps ? _deferredTimestamps[k - 1] : string.Empty);
            _legacy.Add(node);
            _order.Add(node);
            _active = node;
        }

        _deferredOffsets.Clear();
        _deferredTimestamps.Clear();
    }


    private void LegacyReplace(SessionEntry.ReplaceHistory entry)
    {
        ref HistoryState s = ref _legacyState;
        SnapshotMeta? before = s.Snapshot;
        int previousMessages = s.Model.Count;
        ulong previousTokens = TokenEstimate.Of(s.Model);
        ulong currentTokens = TokenEstimate.Of(entry.Messages);
        s.Model = HistoryView<Message>.Of(new List<Message>(entry.Messages));
        s.ModelSanitized = ReferenceEquals(Sanitized(entry.Messages), entry.Messages);
        s.Revision = NextRevision(s.Revision);
        CompactionState c = s.Compaction;
        s.Compaction = new CompactionState(
            c.CompletedCompactions + 1,
            c.RemovedMessages + (ulong)Math.Max(0, previousMessages - entry.Messages.Count),
            c.RemovedTokens + (previousTokens > currentTokens ? previousTokens - currentTokens : 0),
            c.RemovedCostUsdMicros,
            previousTokens,
            currentTokens,
            s.Revision);
        LegacyNode(NodeKind.Compaction, [], before, entry.Timestamp);
    }

    private void LegacySnapshot(SessionEntry.Snapshot entry)
    {
        SessionSnapshot snapshot = CheckSchema(entry.State);
        ref HistoryState s = ref _legacyState;
        SnapshotMeta? before = s.Snapshot;
        IReadOnlyList<Message> history = Sanitized(snapshot.History);
        CompactionState compaction = snapshot.Compaction ?? CompactionState.None;
        bool replaced = s.Model.Count > 0 && !s.Model.IsPrefixOf(history);
        NodeKind kind = compaction != s.Compaction || replaced ? NodeKind.Compaction : NodeKind.Commit;
        bool changed = s.Snapshot is null || snapshot.Revision != s.Revision || !s.Model.SequenceEqual(history) || compaction != s.Compaction;
        s.Model = HistoryView<Message>.Of(new List<Message>(history));
        s.ModelSanitized = true;
        s.Revision = snapshot.Revision;
        s.Compaction = compaction;
        s.Snapshot = new SnapshotMeta(snapshot.SessionId, snapshot.Provider, snapshot.Metadata, snapshot.PromptCacheKey);
        LegacyRecord(changed, kind, Displayed(entry.DisplayMessages), before, entry.Timestamp);
    }

    private void LegacyDelta(SessionEntry.SnapshotDelta entry)
    {
        ref HistoryState s = ref _legacyState;
        if (s.Snapshot is null)
        {
            throw Error("snapshot delta does not have a complete base snapshot");
        }

        SnapshotMeta? before = s.Snapshot;
        SessionDelta delta = entry.Delta;
        CheckDelta(delta, s.Snapshot, s.Revision);
        HistoryView<Message> history = SanitizedModel(s, out bool sanitized).AppendRange(Sanitized(delta.AppendedHistory));
        NodeKind kind = delta.Compaction != s.Compaction ? NodeKind.Compaction : NodeKind.Commit;
        bool changed = delta.Revision != s.Revision || delta.AppendedHistory.Count > 0 || sanitized || delta.Compaction != s.Compaction;
        s.Model = history;
        s.ModelSanitized = true;
        s.Revision = delta.Revision;
        s.Compaction = delta.Compaction;
        s.Snapshot = new SnapshotMeta(delta.SessionId, delta.Provider, delta.Metadata, delta.PromptCacheKey);
        LegacyRecord(changed, kind, Displayed(entry.DisplayMessages), before, entry.Timestamp);
    }

    private void LegacyRecord(bool changed, NodeKind kind, List<Message> tail, SnapshotMeta? before, string timestamp)
    {
        _legacyState.Display = _legacyState.Display.AppendRange(tail);
        if (changed || _active is null)
        {
            LegacyNode(kind, tail, before, timestamp);
            return;
        }

        // Nothing changed: what was shown belongs to the node already there (before its notice).
        _active.OwnDisplay.AddRange(tail);
        _active.State.Display = _legacyState.Display;
    }

    private void LegacyNode(NodeKind kind, List<Message> display, SnapshotMeta? before, string timestamp)
    {
        bool hasSnapshot = _legacyState.Snapshot is not null || before is not null;
        var node = new HistoryNode(null, _offset, _active, kind, null, display, _legacyState, hasSnapshot, timestamp);
        _legacy.Add(node);
        _order.Add(node);
        _active = node;
    }

    private void Upgrade(SessionEntry.Upgrade upgrade)
    {
        if (_header is null)
        {
            throw Error("legacy upgrade marker appears before the session header");
        }

        if (_header.Version == Session.NewestReadableFormatVersion)
        {
            throw Error("version 4 session cannot contain a legacy upgrade marker");
        }

        if (_upgraded)
        {
            throw Error("session contains more than one legacy upgrade marker");
        }

        CheckNodeId(upgrade.ActiveLeafId);
        if (_active is null || _active.Id != upgrade.ActiveLeafId)
        {
            throw Error("legacy upgrade marker must target the current virtual leaf");
        }

        _upgraded = true;
    }

    private void Node(SessionEntry.Node node)
    {
        CheckNodeId(node.Id);
        if (node.Kind == NodeKind.Commit && node.CompactionFacts is not null)
        {
            throw Error("commit node '" + node.Id + "' cannot store compaction facts");
        }

        if (node.ParentId is null && _order.Count > 0)
        {
            throw Error("session node '" + node.Id + "' creates a disconnected root");
        }

        HistoryState state;
        HistoryNode? parent = null;
        List<Message> display = Displayed(node.DisplayMessages);
        if (node.ParentId is null)
        {
            if (node.Transition is not NodeTransition.Snapshot { State: var rootSnapshot })
            {
                throw Error("root node '" + node.Id + "' cannot store a snapshot delta");
            }

            if (node.Kind == NodeKind.Compaction)
            {
                throw Error("root node '" + node.Id + "' cannot be a compaction");
            }

            CheckSessionId(rootSnapshot.SessionId);
            state = FromSnapshot(CheckSchema(rootSnapshot), HistoryView<Message>.Of(new List<Message>(display)));
        }
        else
        {
            CheckNodeId(node.ParentId);
            parent = Find(node.ParentId) ?? throw Error("node '" + node.Id + "' names missing parent '" + node.ParentId + "'");
            HistoryState from = parent.State;
            bool changed;
            switch (node.Transition)
            {
                case NodeTransition.Snapshot { State: var snapshot }:
                    state = FromSnapshot(CheckSchema(snapshot), from.Display.AppendRange(display));
                    changed = parent.HasSnapshot
                        ? from.Revision != state.Revision || from.Compaction != state.Compaction || !Meta(from).SameAs(state.Snapshot!) || !state.Model.SequenceEqual(SanitizedModel(from, out _))
                        : ChangedFromMessages(from, state);
                    break;
                case NodeTransition.SnapshotDelta { Delta: var delta }:
                    if (node.Kind == NodeKind.Compaction)
                    {
                        throw Error("compaction node '" + node.Id + "' must store a full snapshot");
                    }

                    if (!parent.HasSnapshot || from.Snapshot is null)
                    {
                        throw Error("parent '" + parent.Id + "' has no complete snapshot");
                    }

                    CheckDelta(delta, from.Snapshot, from.Revision);
                    HistoryView<Message> parentModel = SanitizedModel(from, out bool sanitized);
                    state = new HistoryState
                    {
                        Model = parentModel.AppendRange(Sanitized(delta.AppendedHistory)),
                        ModelSanitized = true,
                        Display = from.Display.AppendRange(display),
                        Snapshot = new SnapshotMeta(delta.SessionId, delta.Provider, delta.Metadata, delta.PromptCacheKey),
                        Revision = delta.Revision,
                        Compaction = delta.Compaction,
                    };
                    changed = delta.AppendedHistory.Count > 0 || from.Revision != state.Revision || from.Compaction != state.Compaction
                        || !from.Snapshot.SameAs(state.Snapshot) || sanitized;
                    break;
                default:
                    throw Error("node '" + node.Id + "' has no state transition");
            }

            if (changed && state.Revision <= from.Revision)
            {
                throw Error("node '" + node.Id + "' changed state without advancing parent revision " + from.Revision.ToString(CultureInfo.InvariantCulture));
            }

            if ((state.Compaction != from.Compaction) != (node.Kind == NodeKind.Compaction))
            {
                throw Error("node '" + node.Id + "' kind does not match its compaction state transition");
            }

            CheckSessionId(state.Snapshot!.SessionId);
        }

        if (Find(node.Id) is not null)
        {
            throw Error("duplicate session node id '" + node.Id + "'");
        }

        var created = new HistoryNode(node.Id, -1, parent, node.Kind, node.CompactionFacts, display, state, hasSnapshot: true, node.Timestamp);
        _explicit.Add(node.Id, created);
        _order.Add(created);
        _active = created;
    }

    private static HistoryState FromSnapshot(SessionSnapshot snapshot, HistoryView<Message> display) => new()
    {
        Model = HistoryView<Message>.Of(new List<Message>(Sanitized(snapshot.History))),
        ModelSanitized = true,
        Display = display,
        Snapshot = new SnapshotMeta(snapshot.SessionId, snapshot.Provider, snapshot.Metadata, snapshot.PromptCacheKey),
        Revision = snapshot.Revision,
        Compaction = snapshot.Compaction ?? CompactionState.None,
    };

    private static SnapshotMeta Meta(HistoryState state) => state.Snapshot ?? throw new InvalidOperationException("a node with a snapshot has its metadata");

    /// <summary>A full snapshot under a message-only legacy node: compared by what rho would resume with.</summary>
    private static bool ChangedFromMessages(HistoryState parent, HistoryState child)
    {
        HistoryView<Message> before = SanitizedView(parent.Model);
        int keptBefore = ToolTurns.AnsweredLength(before);
        int keptAfter = ToolTurns.AnsweredLength(child.Model);
        if (keptBefore != keptAfter || parent.Compaction != child.Compaction || parent.Revision != child.Revision)
        {
            return true;
        }

        for (int i = 0; i < keptBefore; i++)
        {
            if (!Equals(before[i], child.Model[i]))
            {
                return true;
            }
        }

        return false;
    }

    private void CheckDelta(SessionDelta delta, SnapshotMeta baseMeta, ulong baseRevision)
    {
        if (delta.SessionId.Length == 0)
        {
            throw Error("snapshot delta session id cannot be empty");
        }

        if (delta.SessionId != baseMeta.SessionId)
        {
            throw Error("snapshot delta session id '" + delta.SessionId + "' does not match base session id '" + baseMeta.SessionId + "'");
        }

        if (delta.BaseRevision != baseRevision)
        {
            throw Error("snapshot delta base revision " + delta.BaseRevision.ToString(CultureInfo.InvariantCulture) + " does not match previous revision " + baseRevision.ToString(CultureInfo.InvariantCulture));
        }

        if (delta.Revision < delta.BaseRevision)
        {
            throw Error("snapshot delta revision " + delta.Revision.ToString(CultureInfo.InvariantCulture) + " precedes base revision " + delta.BaseRevision.ToString(CultureInfo.InvariantCulture));
        }
    }

    private SessionSnapshot CheckSchema(SessionSnapshot snapshot)
    {
        if (snapshot.SchemaVersion is not (1 or 2))
        {
            throw Error("unsupported session snapshot schema " + snapshot.SchemaVersion.ToString(CultureInfo.InvariantCulture));
        }

        if (snapshot.SessionId.Length == 0)
        {
            throw Error("session snapshot id cannot be empty");
        }

        return snapshot;
    }

    private void CheckSessionId(string snapshotSessionId)
    {
        if (_header is null)
        {
            throw Error("state node appears before the session header");
        }

        if (snapshotSessionId != _header.Id)
        {
            throw Error("node snapshot session id '" + snapshotSessionId + "' does not match session id '" + _header.Id + "'");
        }
    }

    private void CheckNodeId(string id)
    {
        if (id.Length == 0 || id.AsSpan().Trim().Length != id.Length || !RustTrimmed(id))
        {
            throw Error("session node id cannot be empty or contain outer whitespace");
        }

        if (Encoding.UTF8.GetByteCount(id) > MaxNodeIdBytes)
        {
            throw Error("session node id cannot exceed 128 bytes");
        }
    }

    // Rust's trim removes Unicode White_Space; .NET's Trim the same set but for U+0085's and U+180E's history: check both ends the Rust way.
    private static bool RustTrimmed(string id) => !IsRustWhitespace(id[0]) && !IsRustWhitespace(id[^1]);

    private static bool IsRustWhitespace(char c) => c is '\u0085' || char.IsWhiteSpace(c) && c != '\u180E';

    private HistoryNode? Find(string id)
    {
        if (_explicit.TryGetValue(id, out HistoryNode? node))
        {
            return node;
        }

        if (id.Length == 7 + 16 && id.StartsWith("legacy:", StringComparison.Ordinal)
            && long.TryParse(id.AsSpan(7), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long offset)
            && id.AsSpan(7).IndexOfAnyInRange('A', 'F') < 0)
        {
            int lo = 0, hi = _legacy.Count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                long at = _legacy[mid].LegacyOffset;
                if (at == offset)
                {
                    return _legacy[mid];
                }

                if (at < offset)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }
        }

        return null;
    }

    private ulong NextRevision(ulong revision) =>
        revision == ulong.MaxValue ? throw Error("session revision is exhausted") : revision + 1;

    private static List<Message> Displayed(IReadOnlyList<DisplayMessage> messages)
    {
        var list = new List<Message>(messages.Count);
        for (int i = 0; i < messages.Count; i++)
        {
            list.Add(messages[i].Message);
        }

        return list;
    }

    /// <summary>A saved state keeps no reasoning text of an aborted response (rho clears it whenever it builds one).</summary>
    private static IReadOnlyList<Message> Sanitized(IReadOnlyList<Message> history) =>
        SanitizedCopy(history, history.Count, static (list, i) => list[i]) ?? history;

    /// <summary>The state's model history as a saved state holds it; <paramref name="sanitized"/> tells whether that took out any reasoning.</summary>
    private static HistoryView<Message> SanitizedModel(in HistoryState state, out bool sanitized)
    {
        if (state.ModelSanitized)
        {
            sanitized = false;
            return state.Model;
        }

        HistoryView<Message> view = SanitizedView(state.Model);
        sanitized = !view.IsSameView(state.Model);
        return view;
    }

    private static bool NeedsSanitizing(Message message) => message is Message.AbortedAssistant { Reasoning.IsEmpty: false };

    private static HistoryView<Message> SanitizedView(HistoryView<Message> history) =>
        SanitizedCopy(history, history.Count, static (view, i) => view[i]) is { } copy ? HistoryView<Message>.Of(copy) : history;

    /// <summary>A copy with the reasoning of aborted responses cleared, or null when there is none to clear.</summary>
    private static List<Message>? SanitizedCopy<TList>(TList history, int count, Func<TList, int, Message> at)
    {
        for (int i = 0; i < count; i++)
        {
            if (NeedsSanitizing(at(history, i)))
            {
                var copy = new List<Message>(count);
                for (int j = 0; j < count; j++)
                {
                    copy.Add(Sanitize(at(history, j)));
                }

                return copy;
            }
        }

        return null;
    }

    private static Message Sanitize(Message message) =>
        NeedsSanitizing(message) ? ((Message.AbortedAssistant)message) with { Reasoning = Utf8Text.Empty } : message;

    private SessionFormatException Error(string reason) => new(_source, _line, _offset, _offset, reason);
}

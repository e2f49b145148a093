using System.Collections.Generic;
using System.Globalization;

namespace Rho.Fast;

/// <summary>A node of the conversation tree while it is rebuilt: explicit (a <c>node</c> entry) or legacy (one per changing record of formats 1 to 3).</summary>
internal sealed class HistoryNode
{
    private string? _id;

    public HistoryNode(string? id, long legacyOffset, HistoryNode? parent, NodeKind kind, CompactionFacts? facts, List<Message> display, HistoryState state, bool hasSnapshot, string timestamp)
    {
        _id = id;
        LegacyOffset = legacyOffset;
        Parent = parent;
        Kind = kind;
        Facts = facts;
        OwnDisplay = display;
        State = state;
        HasSnapshot = hasSnapshot;
        Timestamp = timestamp;
    }

    /// <summary>The node's id; a legacy node's is <c>legacy:</c> and its line's offset in 16 hex digits, made when first asked for.</summary>
    public string Id => _id ??= LegacyId(LegacyOffset);

    /// <summary>The offset of a legacy node's line, or -1.</summary>
    public long LegacyOffset { get; }

    public HistoryNode? Parent { get; }

    public NodeKind Kind { get; }

    public CompactionFacts? Facts { get; }

    /// <summary>The display messages of the node itself (legacy records that change nothing add theirs here).</summary>
    public List<Message> OwnDisplay { get; }

    public HistoryState State;

    /// <summary>Whether the state was saved as a whole snapshot (a message-only legacy node's was not).</summary>
    public bool HasSnapshot { get; }

    public string Timestamp { get; }

    public static string LegacyId(long offset) => "legacy:" + offset.ToString("x16", CultureInfo.InvariantCulture);
}

using System.Collections.Generic;

namespace Rho.Fast.Synthetic;

/// <summary>Where the conversation stands at a node, so a branch from it continues it.</summary>
internal struct TurnPhase
{
    /// <summary>A user prompt waits for the assistant's answer.</summary>
    public bool Prompted;

    /// <summary>Tool turns still to come before the answer.</summary>
    public int ToolTurnsLeft;

    /// <summary>The results of a tool turn saved before its tools ran: the next node starts with them.</summary>
    public Message[]? PendingResults;
}

/// <summary>
/// A node as the generator meant it: its whole model history and what the user saw at it, so the
/// expected histories follow from the generator's own state rather than from reading the file.
/// </summary>
internal sealed class TreeNode
{
    public TreeNode(string id, TreeNode? parent, NodeKind kind, CompactionFacts? facts, Message[] model, List<Message> display, TreeState state, TurnPhase phase, long weight,
        bool hasSnapshot = true, bool branchable = true)
    {
        HasSnapshot = hasSnapshot;
        Branchable = branchable;
        Id = id;
        Parent = parent;
        Kind = kind;
        Facts = facts;
        Model = model;
        Display = display;
        State = state;
        Phase = phase;
        Weight = weight;
    }

    public string Id { get; }

    public TreeNode? Parent { get; }

    public NodeKind Kind { get; }

    public CompactionFacts? Facts { get; }

    /// <summary>Whether the node stands for a record of formats 1 to 3 (its id is <c>legacy:</c> and the line's offset).</summary>
    public bool IsLegacy => Id.StartsWith("legacy:", System.StringComparison.Ordinal);

    /// <summary>Whether the state was saved whole (a node of <c>message</c> records only was not), so a child may store a delta on it.</summary>
    public bool HasSnapshot { get; }

    /// <summary>Whether a branch may start here: not inside a run of message records that one step of the conversation wrote.</summary>
    public bool Branchable { get; }

    /// <summary>
    /// The model history: as rho saves it (aborted responses without their reasoning), except after
    /// <c>message</c> records of format 1, which keep the reasoning as written.
    /// </summary>
    public Message[] Model { get; }

    /// <summary>The messages shown at this node, in order.</summary>
    public List<Message> Display { get; }

    public TreeState State { get; }

    public TurnPhase Phase { get; }

    /// <summary>The characters of the model history, which decide when the session compacts.</summary>
    public long Weight { get; }
}

/// <summary>The parts of a node's snapshot besides its history.</summary>
internal sealed record TreeState(ulong Revision, CompactionState Compaction, ModelIdentity Provider, IReadOnlyDictionary<string, string> Metadata);

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
    public TreeNode(string id, TreeNode? parent, NodeKind kind, CompactionFacts? facts, Message[] model, List<Message> display, TreeState state, TurnPhase phase, long weight)
    {
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

    /// <summary>The model history, as rho saves it (aborted responses without their reasoning).</summary>
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

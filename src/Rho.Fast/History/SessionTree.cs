using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>One node of a session's conversation tree.</summary>
/// <param name="Id">The node's id (<c>legacy:</c> and a byte offset for the records of formats 1 to 3).</param>
/// <param name="ParentId">The parent's id; none for the root.</param>
/// <param name="Kind">An ordinary commit or a compaction.</param>
/// <param name="Timestamp">Unix seconds as a decimal string, as recorded.</param>
/// <param name="IsLegacy">Whether the node stands for a record of formats 1 to 3 rather than a <c>node</c> entry.</param>
/// <param name="ModelMessageCount">The length of the node's model history.</param>
/// <param name="DisplayMessageCount">How many messages the user saw at this node.</param>
/// <param name="IsOnActiveBranch">Whether the node is on the path from the root to the active leaf.</param>
public sealed record SessionTreeNode(
    string Id,
    string? ParentId,
    NodeKind Kind,
    string Timestamp,
    bool IsLegacy,
    int ModelMessageCount,
    int DisplayMessageCount,
    bool IsOnActiveBranch);

/// <summary>A session's conversation tree: every node in file order, and the active leaf that the histories follow.</summary>
/// <param name="Nodes">The nodes, parents before their children.</param>
/// <param name="ActiveLeafId">The active leaf; none for a session with no state yet.</param>
public sealed record SessionTree(IReadOnlyList<SessionTreeNode> Nodes, string? ActiveLeafId);

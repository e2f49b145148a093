using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>How a tree node gives its state: whole, or as a delta on its parent's.</summary>
[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record NodeTransition
{
    private NodeTransition()
    {
    }

    /// <summary>The whole state.</summary>
    /// <param name="State">The state, written under the key <c>snapshot</c>.</param>
    [WireCase(Shape = CaseShape.Struct)]
    public sealed partial record Snapshot([WireName("snapshot")] SessionSnapshot State) : NodeTransition;

    /// <summary>The history appended to the parent's state.</summary>
    /// <param name="Delta">The change.</param>
    [WireCase(Shape = CaseShape.Struct)]
    public sealed partial record SnapshotDelta(SessionDelta Delta) : NodeTransition;
}

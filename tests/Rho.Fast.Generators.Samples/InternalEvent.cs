using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Samples;

/// <summary>Internally tagged by <c>"type"</c>, snake_case case names: <c>{"type":"moved","x":1,"y":2}</c>.</summary>
[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record InternalEvent
{
    private InternalEvent()
    {
    }

    public sealed record Started : InternalEvent;

    public sealed record Placed(Point At) : InternalEvent;

    public sealed record Moved(int X, int Y) : InternalEvent;

    public sealed record TextChanged(string NewText, string? OldText) : InternalEvent;

    /// <summary>One member that is not a record: a struct case with one field, <c>{"type":"renamed","name":"x"}</c>.</summary>
    public sealed record Renamed(string Name) : InternalEvent;
}

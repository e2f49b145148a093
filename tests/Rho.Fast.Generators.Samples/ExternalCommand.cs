using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Samples;

/// <summary>Externally tagged: <c>"Ping"</c>, <c>{"Say":"hi"}</c>, <c>{"Move":{"x":1,"y":2}}</c>.</summary>
[TaggedUnion]
public abstract partial record ExternalCommand
{
    private ExternalCommand()
    {
    }

    public sealed record Ping : ExternalCommand;

    public sealed record Say(string Text) : ExternalCommand;

    public sealed record Move(int X, int Y) : ExternalCommand;

    public sealed record Place(Point At) : ExternalCommand;

    /// <summary>A struct case with no fields: <c>{"Reset":{}}</c>.</summary>
    [WireCase(Shape = CaseShape.Struct)]
    public sealed record Reset() : ExternalCommand;

    /// <summary>A struct case with one field: <c>{"Wrap":{"value":1}}</c>.</summary>
    [WireCase(Shape = CaseShape.Struct)]
    public sealed record Wrap(int Value) : ExternalCommand;

    /// <summary>A tuple case: <c>{"Line":[1,2]}</c>.</summary>
    [WireCase(Shape = CaseShape.Tuple)]
    public sealed record Line(int From, int To) : ExternalCommand;
}

using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Samples;

/// <summary>Adjacently tagged: <c>{"t":"Ping"}</c>, <c>{"t":"Say","c":"hi"}</c>, <c>{"t":"Move","c":{"x":1,"y":2}}</c>.</summary>
[TaggedUnion(Tag = "t", Content = "c")]
public abstract partial record AdjacentMessage
{
    private AdjacentMessage()
    {
    }

    public sealed record Ping : AdjacentMessage;

    public sealed record Say(string Text) : AdjacentMessage;

    public sealed record Move(int X, int Y) : AdjacentMessage;

    public sealed record Place(Point At) : AdjacentMessage;

    /// <summary>A tuple case: <c>{"t":"Span","c":[1,2]}</c>.</summary>
    [WireCase(Shape = CaseShape.Tuple)]
    public sealed record Span(byte From, byte To) : AdjacentMessage;
}

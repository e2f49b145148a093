using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Samples;

/// <summary>
/// Unions with a raw-keeping catch-all: a case name this version does not know is read into
/// <c>Unknown</c> with the whole value's bytes, and written back exactly, so a newer writer's
/// cases survive an older reader.
/// </summary>
[TaggedUnion]
public abstract partial record OpenCommand
{
    private OpenCommand()
    {
    }

    public sealed record Ping : OpenCommand;

    public sealed record Say(string Text) : OpenCommand;

    [WireOther]
    public sealed record Unknown(RawJson Value) : OpenCommand;
}

/// <summary>Internally tagged, with a raw-keeping catch-all: <c>{"type":"later_kind",...}</c> is kept whole.</summary>
[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record OpenEvent
{
    private OpenEvent()
    {
    }

    public sealed record Started : OpenEvent;

    public sealed record Moved(int X, int Y) : OpenEvent;

    [WireOther]
    public sealed record Unknown(RawJson Value) : OpenEvent;
}

/// <summary>Adjacently tagged, with a raw-keeping catch-all: <c>{"t":"Later","c":...}</c> is kept whole.</summary>
[TaggedUnion(Tag = "t", Content = "c")]
public abstract partial record OpenMessage
{
    private OpenMessage()
    {
    }

    public sealed record Stop : OpenMessage;

    public sealed record Say(string Text) : OpenMessage;

    [WireOther]
    public sealed record Unknown(RawJson Value) : OpenMessage;
}

using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>The union example of the README, as written there.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_union_writes_and_reads_what_the_readme_says()
    {
        string json = Wire.Serialize(new Command.Move(1, 2));
        Assert.Equal("{\"type\":\"move\",\"x\":1,\"y\":2}", json);
        Assert.Equal(new Command.Move(1, 2), Wire.Deserialize<Command>(json));
        Assert.Equal("{\"type\":\"say\",\"text\":\"hi\"}", Wire.Serialize(new Command.Say("hi")));
        Assert.Equal("{\"type\":\"quit\"}", Wire.Serialize(new Command.Quit()));
        Assert.IsType<Command.Quit>(Wire.Deserialize<Command>("{\"type\":\"quit\"}"));
    }
}

[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record Command
{
    public sealed record Move(int X, int Y) : Command;

    public sealed record Say(string Text) : Command;

    public sealed record Quit : Command;
}

/// <summary>The README's serde vocabulary example, as written there.</summary>
public sealed class ReadmeVocabularyTests
{
    [Fact]
    public void Optional_fields_an_enum_a_map_and_the_catch_all_write_and_read_as_the_readme_says()
    {
        var reply = new Reply("done", null, 0, StopReason.EndTurn, new System.Collections.Generic.Dictionary<string, long> { ["output"] = 7, ["input"] = 12 });
        Assert.Equal("{\"text\":\"done\",\"retries\":0,\"stop\":\"end_turn\",\"usage\":{\"input\":12,\"output\":7}}", Wire.Serialize(reply));

        Reply read = Wire.Deserialize<Reply>("{\"text\":\"hi\",\"stop\":\"refusal\"}");
        Assert.Equal(0u, read.Retries);
        Assert.Null(read.Model);
        Assert.Equal(StopReason.Unknown, read.Stop);
        Assert.Equal("{\"text\":\"hi\",\"retries\":0,\"stop\":\"unknown\"}", Wire.Serialize(read));

        const string Newer = "{\"type\":\"compacted\",\"tokens\":[1,2],\"note\":\"from a newer writer\"}";
        Event unknown = Wire.Deserialize<Event>(Newer);
        Assert.IsType<Event.Unknown>(unknown);
        Assert.Equal(Newer, Wire.Serialize(unknown));
        Assert.Equal("{\"type\":\"started\",\"id\":\"s1\"}", Wire.Serialize(new Event.Started("s1")));
    }
}

[WireEnum(RenameAll = RenameRule.SnakeCase)]
public enum StopReason
{
    EndTurn,
    ToolUse,
    [WireOther]
    Unknown,
}

[WireRecord]
public sealed partial record Reply(
    string Text,
    [WireSkip(SkipWhen.Null)] string? Model,
    [WireDefault] uint Retries,
    StopReason Stop,
    [WireSkip(SkipWhen.Empty), WireDefault] System.Collections.Generic.IReadOnlyDictionary<string, long> Usage);

[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record Event
{
    public sealed record Started(string Id) : Event;

    [WireOther]
    public sealed record Unknown(RawJson Value) : Event;
}

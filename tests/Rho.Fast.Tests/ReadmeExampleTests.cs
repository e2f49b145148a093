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

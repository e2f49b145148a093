using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>Inputs serde rejects are rejected here too.</summary>
public sealed class SerdeStrictnessTests
{
    [Theory]
    [InlineData("{\"Ping\":\"zzz\"}")]
    [InlineData("{\"Ping\":{}}")]
    [InlineData("{\"Ping\":0}")]
    public void A_unit_case_in_object_form_needs_a_null_payload(string json)
    {
        var error = Assert.Throws<WireFormatException>(() => Wire.Deserialize<Signal>(json));
        Assert.Equal("Ping", error.CaseName);
        Assert.IsType<Signal.Ping>(Wire.Deserialize<Signal>("{\"Ping\":null}"));
        Assert.IsType<Signal.Ping>(Wire.Deserialize<Signal>("\"Ping\""));
    }

    [Theory]
    [InlineData("{\"type\":\"placed\",\"type\":\"placed\",\"id\":\"a\",\"ok\":true,\"content\":\"\"}")]
    [InlineData("{\"id\":\"a\",\"type\":\"placed\",\"ok\":true,\"type\":\"moved\",\"content\":\"\"}")]
    public void A_second_tag_on_an_internally_tagged_newtype_is_a_duplicate_field(string json)
    {
        var error = Assert.Throws<WireFormatException>(() => Wire.Deserialize<Placement>(json));
        Assert.Equal("type", error.FieldName);
        Assert.Contains("duplicate", error.Message);
    }

    [Fact]
    public void An_internally_tagged_newtype_merges_the_tag_into_its_record()
    {
        var placed = new Placement.Placed(new ToolOutcome("a", true, "x"));
        string json = Wire.Serialize(placed);
        Assert.Equal("{\"type\":\"placed\",\"id\":\"a\",\"ok\":true,\"content\":\"x\"}", json);
        Assert.Equal(placed, Wire.Deserialize<Placement>(json));
        Assert.Equal(placed, Wire.Deserialize<Placement>("{\"id\":\"a\",\"ok\":true,\"content\":\"x\",\"type\":\"placed\"}"));
    }
}

[TaggedUnion]
public abstract partial record Signal
{
    public sealed record Ping : Signal;

    public sealed record Say(string Text) : Signal;
}

[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record Placement
{
    public sealed record Placed(ToolOutcome At) : Placement;

    public sealed record Moved(int X) : Placement;
}

using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>Adjacently tagged unions: <c>{"t":"Case","c":payload}</c>.</summary>
public sealed class AdjacentTaggingTests
{
    public static TheoryData<string> Samples => SampleCatalog.Keys(SampleCatalog.Adjacent);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writes_serde_json(string name) => RoundTrip.AssertWritesSerdeJson(SampleCatalog.Adjacent[name]);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reads_back_the_same_value(string name) => RoundTrip.AssertReadsBack(SampleCatalog.Adjacent[name]);

    [Theory]
    [InlineData("""{"c":{"x":1,"y":2},"t":"Move"}""")]
    [InlineData("""{"other":1,"c":{"y":2,"x":1,"z":[]},"more":{"t":"Ping"},"t":"Move"}""")]
    public void Content_may_come_first_among_unknown_keys(string json)
    {
        Assert.Equal(new AdjacentMessage.Move(1, 2), Wire.Deserialize<AdjacentMessage>(json));
    }

    [Theory]
    [InlineData("""{"t":"Move","c":[1,2]}""")]
    [InlineData("""{"c":[1,2],"t":"Move"}""")]
    public void Struct_content_has_no_array_form(string json)
    {
        // serde reads adjacently tagged content as an untagged variant, whose struct has only the map form.
        Assert.Throws<WireFormatException>(() => Wire.Deserialize<AdjacentMessage>(json));
    }

    [Fact]
    public void Unit_case_accepts_null_content()
    {
        Assert.Equal(new AdjacentMessage.Ping(), Wire.Deserialize<AdjacentMessage>("""{"t":"Ping","c":null}"""));
        Assert.Equal(new AdjacentMessage.Ping(), Wire.Deserialize<AdjacentMessage>("""{"c":null,"t":"Ping"}"""));
    }

    [Fact]
    public void Newtype_content_may_come_before_the_tag()
    {
        Assert.Equal(new AdjacentMessage.Say("hi"), Wire.Deserialize<AdjacentMessage>("""{"c":"hi","t":"Say"}"""));
        Assert.Equal(new AdjacentMessage.Place(new Point(3, 4)), Wire.Deserialize<AdjacentMessage>("""{"c":{"x":3,"y":4},"t":"Place"}"""));
    }

    [Fact]
    public void Escaped_keys_are_unescaped_before_matching()
    {
        Assert.Equal(new AdjacentMessage.Say("hi"), Wire.Deserialize<AdjacentMessage>("""{"\u0074":"S\u0061y","\u0063":"hi"}"""));
    }
}

using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>Internally tagged unions: <c>{"type":"case",...fields}</c>.</summary>
public sealed class InternalTaggingTests
{
    public static TheoryData<string> Samples => SampleCatalog.Keys(SampleCatalog.Internal);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writes_serde_json(string name) => RoundTrip.AssertWritesSerdeJson(SampleCatalog.Internal[name]);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reads_back_the_same_value(string name) => RoundTrip.AssertReadsBack(SampleCatalog.Internal[name]);

    [Theory]
    [InlineData("""{"x":1,"type":"moved","y":2}""")]
    [InlineData("""{"x":1,"y":2,"type":"moved"}""")]
    [InlineData("""{"extra":{"type":"started"},"x":1,"type":"moved","y":2}""")]
    public void Tag_may_come_after_fields(string json)
    {
        Assert.Equal(new InternalEvent.Moved(1, 2), Wire.Deserialize<InternalEvent>(json));
    }

    [Fact]
    public void Tag_may_come_after_the_fields_of_a_record_payload()
    {
        Assert.Equal(new InternalEvent.Placed(new Point(1, 2)), Wire.Deserialize<InternalEvent>("""{"x":1,"y":2,"type":"placed"}"""));
    }

    [Fact]
    public void Tag_may_come_after_unknown_fields_of_a_unit_case()
    {
        Assert.Equal(new InternalEvent.Started(), Wire.Deserialize<InternalEvent>("""{"at":[1,2],"type":"started","more":null}"""));
    }

    [Fact]
    public void Unknown_fields_are_skipped()
    {
        Assert.Equal(
            new InternalEvent.Moved(1, 2),
            Wire.Deserialize<InternalEvent>("""{"type":"moved","x":1,"deep":{"a":[{"b":{}}]},"y":2,"z":"s"}"""));
        Assert.Equal(new InternalEvent.Placed(new Point(1, 2)), Wire.Deserialize<InternalEvent>("""{"type":"placed","x":1,"w":false,"y":2}"""));
    }

    [Fact]
    public void Missing_optional_field_reads_as_null()
    {
        Assert.Equal(new InternalEvent.TextChanged("b", null), Wire.Deserialize<InternalEvent>("""{"type":"text_changed","new_text":"b"}"""));
    }

    [Theory]
    [InlineData("""{"\u0074ype":"moved","x":1,"y":2}""")]
    [InlineData("""{"x":1,"\u0074\u0079pe":"moved","y":2}""")]
    [InlineData("""{"type":"mov\u0065d","\u0078":1,"y":2}""")]
    public void Escaped_tag_keys_and_values_are_unescaped_before_matching(string json)
    {
        Assert.Equal(new InternalEvent.Moved(1, 2), Wire.Deserialize<InternalEvent>(json));
    }
}

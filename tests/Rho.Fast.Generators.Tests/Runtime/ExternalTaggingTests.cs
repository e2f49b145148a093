using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>Externally tagged unions: <c>"Unit"</c> or <c>{"Case":payload}</c>.</summary>
public sealed class ExternalTaggingTests
{
    public static TheoryData<string> Samples => SampleCatalog.Keys(SampleCatalog.External);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writes_serde_json(string name) => RoundTrip.AssertWritesSerdeJson(SampleCatalog.External[name]);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reads_back_the_same_value(string name) => RoundTrip.AssertReadsBack(SampleCatalog.External[name]);

    [Fact]
    public void Unit_case_reads_from_a_map_with_null()
    {
        Assert.Equal(new ExternalCommand.Ping(), Wire.Deserialize<ExternalCommand>("""{"Ping":null}"""));
    }

    [Fact]
    public void Struct_case_reads_from_an_array_of_fields_in_order()
    {
        Assert.Equal(new ExternalCommand.Move(1, 2), Wire.Deserialize<ExternalCommand>("""{"Move":[1,2]}"""));
        Assert.Equal(new ExternalCommand.Wrap(9), Wire.Deserialize<ExternalCommand>("""{"Wrap":[9]}"""));
        Assert.Equal(new ExternalCommand.Reset(), Wire.Deserialize<ExternalCommand>("""{"Reset":[]}"""));
    }

    [Fact]
    public void Record_payload_reads_from_an_array_of_fields_in_order()
    {
        Assert.Equal(new ExternalCommand.Place(new Point(3, 4)), Wire.Deserialize<ExternalCommand>("""{"Place":[3,4]}"""));
    }

    [Fact]
    public void Unknown_fields_of_a_struct_case_are_skipped()
    {
        Assert.Equal(
            new ExternalCommand.Move(1, 2),
            Wire.Deserialize<ExternalCommand>("""{"Move":{"x":1,"z":[1,{"a":[null,true]}],"w":"s","y":2,"v":{}}}"""));
    }

    [Fact]
    public void Escaped_case_names_and_keys_are_unescaped_before_matching()
    {
        Assert.Equal(new ExternalCommand.Ping(), Wire.Deserialize<ExternalCommand>("\"\\u0050ing\""));
        Assert.Equal(new ExternalCommand.Move(1, 2), Wire.Deserialize<ExternalCommand>("""{"\u004dove":{"\u0078":1,"y":2}}"""));
        Assert.Equal(new ExternalCommand.Say("hi"), Wire.Deserialize<ExternalCommand>("""{"S\u0061y":"h\u0069"}"""));
    }

    [Fact]
    public void Whitespace_around_and_inside_the_value_is_allowed()
    {
        Assert.Equal(new ExternalCommand.Move(1, 2), Wire.Deserialize<ExternalCommand>(" \n\t{ \"Move\" : { \"x\" : 1 , \"y\" : 2 } }\r\n "));
    }
}

using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>Struct cases holding every supported member type: scalars, raw JSON, nested unions and records, lists, optionals.</summary>
public sealed class MemberTypeTests
{
    public static TheoryData<string> Samples => SampleCatalog.Keys(SampleCatalog.MemberTypes);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writes_serde_json(string name) => RoundTrip.AssertWritesSerdeJson(SampleCatalog.MemberTypes[name]);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reads_back_the_same_value(string name) => RoundTrip.AssertReadsBack(SampleCatalog.MemberTypes[name]);

    [Fact]
    public void Missing_optional_members_read_as_null()
    {
        var read = Assert.IsType<Bag.Collections>(
            Wire.Deserialize<Bag>("""{"kind":"collections","points":[],"words":[],"maybe_numbers":[],"rows":[],"raws":[]}"""));

        Assert.Null(read.Next);
        Assert.Null(read.Corner);
        Assert.Null(read.Extra);
        Assert.Null(read.Extras);
        Assert.Null(read.Ratio);
        Assert.Null(read.Enabled);
    }

    [Fact]
    public void Raw_json_keeps_the_exact_bytes_it_was_read_from()
    {
        const string json = """{"kind":"scalars","text":"","flag":false,"i8":0,"u8":0,"i16":0,"u16":0,"i32":0,"u32":0,"i64":0,"u64":0,"f64":0,"raw":{ "b" :[1.50, -0, 1E2,"\u00e9"] , "a":null},"command":"Ping","origin":{"x":0,"y":0},"commands":[],"tags":[],"note":null,"count":null}""";

        var read = Assert.IsType<Bag.Scalars>(Wire.Deserialize<Bag>(json));

        Assert.Equal("""{ "b" :[1.50, -0, 1E2,"\u00e9"] , "a":null}""", read.Raw.ToString());
        Assert.Contains("""
            "raw":{ "b" :[1.50, -0, 1E2,"\u00e9"] , "a":null},
            """.Trim(), Wire.Serialize(read));
    }

    [Fact]
    public void Null_in_a_non_optional_raw_member_is_kept_as_raw_null()
    {
        var read = Assert.IsType<Bag.Scalars>(Wire.Deserialize<Bag>(SampleCatalog.MemberTypes["every-scalar-at-the-other-extreme"].Json));

        Assert.Equal(RawJson.Null, read.Raw);
    }

    [Fact]
    public void Null_in_an_optional_raw_member_reads_as_no_value()
    {
        var read = Assert.IsType<Bag.Collections>(Wire.Deserialize<Bag>(SampleCatalog.MemberTypes["collections-empty-and-optionals-flipped"].Json));

        Assert.Null(read.Extra);
    }

    [Fact]
    public void Nested_values_read_into_their_own_types()
    {
        var read = Assert.IsType<Bag.Scalars>(Wire.Deserialize<Bag>(SampleCatalog.MemberTypes["every-scalar-at-one-extreme"].Json));

        Assert.Equal(new ExternalCommand.Move(1, -2), read.Command);
        Assert.Equal(new Point(3, 4), read.Origin);
        Assert.Equal([new ExternalCommand.Ping(), new ExternalCommand.Say("x")], read.Commands);
        Assert.Equal(["a", "b"], read.Tags);
        Assert.Equal(ulong.MaxValue, read.U64);
        Assert.Equal(long.MinValue, read.I64);
    }
}

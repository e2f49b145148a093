using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>[WireRecord] records on their own: a JSON object of their fields, or serde's array form.</summary>
public sealed class RecordTests
{
    public static TheoryData<string> Samples => SampleCatalog.Keys(SampleCatalog.Records);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writes_serde_json(string name) => RoundTrip.AssertWritesSerdeJson(SampleCatalog.Records[name]);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reads_back_the_same_value(string name) => RoundTrip.AssertReadsBack(SampleCatalog.Records[name]);

    [Fact]
    public void Reads_from_an_array_of_fields_in_order()
    {
        Assert.Equal(new Point(1, 2), Wire.Deserialize<Point>("[1,2]"));
    }

    [Fact]
    public void Fields_may_come_in_any_order_among_unknown_ones()
    {
        Assert.Equal(new Point(1, 2), Wire.Deserialize<Point>("""{"z":0,"y":2,"q":{"x":9},"x":1}"""));
    }
}

using System;
using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>Doubles are written as serde_json writes them (ryu's shortest digits and layout) and read back bit for bit.</summary>
public sealed class DoubleFormattingTests
{
    public static TheoryData<double, string> Finite => new()
    {
        { 1.0, "1.0" },
        { 0.1, "0.1" },
        { 1e16, "1e16" },
        { 1e15, "1000000000000000.0" },
        { 2.5e-5, "0.000025" },
        { 1e-5, "0.00001" },
        { 1.5e-7, "1.5e-7" },
        { -0.0, "-0.0" },
        { 0.0, "0.0" },
        { 1e300, "1e300" },
        { 1.2345e300, "1.2345e300" },
        { -123456.789, "-123456.789" },
        { 123456789012345680.0, "1.2345678901234568e17" },
        { double.MaxValue, "1.7976931348623157e308" },
        { double.Epsilon, "5e-324" },
        { 2.2250738585072014e-308, "2.2250738585072014e-308" },
        { 0.30000000000000004, "0.30000000000000004" },
        { 100.0, "100.0" },
        { -1.5, "-1.5" },

        // Powers of two where .NET's own shortest digits do not read back.
        { Math.ScaleB(1.0, -25), "2.9802322387695312e-8" },
        { Math.ScaleB(1.0, -958), "4.1045368012983762e-289" },
    };

    [Theory]
    [MemberData(nameof(Finite))]
    public void Finite_values_are_written_as_serde_json_writes_them(double value, string expected)
    {
        Assert.Equal("{\"value\":" + expected + "}", Wire.Serialize(new Measurement(value)));
    }

    [Theory]
    [MemberData(nameof(Finite))]
    public void Finite_values_read_back_bit_for_bit(double value, string expected)
    {
        Measurement read = Wire.Deserialize<Measurement>("{\"value\":" + expected + "}");

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(read.Value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_values_are_written_as_null(double value)
    {
        Assert.Equal("""{"value":null}""", Wire.Serialize(new Measurement(value)));
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("-0", -0.0)]
    [InlineData("1E2", 100.0)]
    [InlineData("2.50", 2.5)]
    [InlineData("1e-400", 0.0)]
    public void Other_spellings_of_a_number_are_read(string json, double expected)
    {
        Measurement read = Wire.Deserialize<Measurement>("{\"value\":" + json + "}");

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(read.Value));
    }
}

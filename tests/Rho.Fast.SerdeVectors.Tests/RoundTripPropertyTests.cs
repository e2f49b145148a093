using System;
using System.Collections.Generic;
using CsCheck;
using Rho.Fast.Serialization;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.SerdeVectors.Tests;

/// <summary>
/// Random values of each vector type, beyond the ones serde_json wrote: writing, reading back and
/// writing again gives the same bytes, and the value read back equals the one written. No serde
/// output is invented here; the vectors are what pins the bytes to serde's.
/// </summary>
public sealed class RoundTripPropertyTests(ITestOutputHelper output)
{
    private const int Iterations = 1_000;

    private static readonly Dictionary<string, Func<int, string>> s_types = new()
    {
        ["Optionals"] = Check(VectorGen.Optionals), ["Defaults"] = Check(VectorGen.Defaults),
        ["CaseLower"] = Check(VectorGen.CaseLower), ["CaseSnake"] = Check(VectorGen.CaseSnake), ["CaseScreaming"] = Check(VectorGen.CaseScreaming),
        ["CaseKebab"] = Check(VectorGen.CaseKebab), ["CaseCamel"] = Check(VectorGen.CaseCamel), ["CaseHolder"] = Check(VectorGen.CaseHolder),
        ["Maps"] = Check(VectorGen.Maps), ["WithValue"] = Check(VectorGen.WithValue), ["SessionId"] = Check(VectorGen.SessionId), ["Id"] = Check(VectorGen.Id),
        ["Point"] = Check(VectorGen.Point), ["Marker"] = Check(VectorGen.Marker), ["Wrappers"] = Check(VectorGen.Wrappers), ["Coords"] = Check(VectorGen.Coords),
        ["External"] = Check(VectorGen.External), ["Internal"] = Check(VectorGen.Internal), ["Adjacent"] = Check(VectorGen.Adjacent), ["Event"] = Check(VectorGen.Event),
        ["Scalar"] = Check(VectorGen.Scalar), ["Aliased"] = Check(VectorGen.Aliased), ["Strict"] = Check(VectorGen.Strict), ["Flattened"] = Check(VectorGen.Flattened),
        ["CatchAll"] = Check(VectorGen.CatchAll), ["Integers"] = Check(VectorGen.Integers), ["Floats"] = Check(VectorGen.Floats), ["CharsAndBytes"] = Check(VectorGen.CharsAndBytes),
        ["Nested"] = Check(VectorGen.Nested), ["Tree"] = Check(VectorGen.Tree), ["Role"] = Check(VectorGen.Role), ["Content"] = Check(VectorGen.Content),
        ["ContentBlock"] = Check(VectorGen.ContentBlock), ["Usage"] = Check(VectorGen.Usage), ["StopReason"] = Check(VectorGen.StopReason), ["Message"] = Check(VectorGen.Message),
    };

    public static TheoryData<string> Types() => new(s_types.Keys);

    [Fact]
    public void Every_vector_type_has_a_generator()
    {
        Assert.Equal(SerdeVectorTests.Types().Count, s_types.Count);
        foreach (string type in SerdeVectorTests.Types())
        {
            Assert.True(s_types.ContainsKey(type), "no generator for " + type);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Random_values_write_read_and_write_again_to_the_same_bytes_and_value(string type)
    {
        output.WriteLine(s_types[type](Iterations));
    }

    [Fact]
    public void Values_that_differ_only_inside_a_list_or_a_map_are_told_apart()
    {
        var left = new Maps(new() { ["a"] = 1 }, new(), new Dictionary<string, List<string>> { ["g"] = ["x"] }, new(), new());
        var sameContent = new Maps(new() { ["a"] = 1 }, new(), new Dictionary<string, List<string>> { ["g"] = ["x"] }, new(), new());
        var otherElement = new Maps(new() { ["a"] = 1 }, new(), new Dictionary<string, List<string>> { ["g"] = ["y"] }, new(), new());
        var otherValue = new Maps(new() { ["a"] = 2 }, new(), new Dictionary<string, List<string>> { ["g"] = ["x"] }, new(), new());

        Assert.Null(Structural.Difference(left, sameContent));
        Assert.Equal("value.Groups[g][0]: x against y", Structural.Difference(left, otherElement));
        Assert.Equal("value.Counts[a]: 1 against 2", Structural.Difference(left, otherValue));
        Assert.NotNull(Structural.Difference(new Tree(1, null, new Tree(2, null, null)), new Tree(1, null, null)));
    }

    /// <summary>The check for one type: returns a one-line summary, or fails with the value, its bytes and the seed to replay.</summary>
    private static Func<int, string> Check<T>(Gen<T> gen)
        where T : IWireSerializable<T> =>
        iterations =>
        {
            gen.Sample(value =>
            {
                string written = Wire.Serialize(value);
                T read = Wire.Deserialize<T>(System.Text.Encoding.UTF8.GetBytes(written));
                string again = Wire.Serialize(read);
                Assert.Equal(written, again);
                Assert.True(Structural.Difference(value, read) is null, Structural.Difference(value, read) + " after reading " + written);
            }, iter: iterations, print: value => Wire.Serialize(value));
            return typeof(T).Name + ": " + iterations + " random values round-tripped";
        };
}

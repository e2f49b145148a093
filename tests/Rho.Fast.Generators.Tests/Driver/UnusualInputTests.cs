using System.Collections.Generic;
using Xunit;

namespace Rho.Fast.Generators.Tests.Driver;

/// <summary>
/// Code still being typed, code the compiler rejects, and odd but legal declarations must never make
/// the generator throw; whatever it reports is one of its own diagnostics.
/// </summary>
public sealed class UnusualInputTests
{
    private static readonly Dictionary<string, string> s_inputs = new()
    {
        ["attribute-on-two-partial-declarations"] = """
            [WireRecord]
            public sealed partial record Twice(int X);

            [WireRecord]
            public sealed partial record Twice;
            """,
        ["unclosed-parameter-list"] = """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Say(string Text : Command;
            """,
        ["missing-case-base"] = """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Say(string Text) : Missing;
            }
            """,
        ["unknown-member-type"] = """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Say(Missing Text) : Command;
            }
            """,
        ["unknown-base-of-union"] = """
            [TaggedUnion]
            public abstract partial record Command : Missing
            {
                public sealed record Ping : Command;
            }
            """,
        ["tag-of-wrong-type"] = """
            [TaggedUnion(Tag = 5)]
            public abstract partial record Command
            {
                public sealed record Ping : Command;
            }
            """,
        ["unknown-named-argument"] = """
            [TaggedUnion(Flavour = "x")]
            public abstract partial record Command
            {
                public sealed record Ping : Command;
            }
            """,
        ["out-of-range-enums"] = """
            [TaggedUnion(RenameAll = (RenameRule)99, RenameAllFields = (RenameRule)(-1))]
            public abstract partial record Command
            {
                [WireCase(Shape = (CaseShape)42)]
                public sealed record Move(int X, int Y) : Command;
            }
            """,
        ["null-names"] = """
            [TaggedUnion(Tag = null, Content = null)]
            public abstract partial record Command
            {
                [WireCase(Name = null)]
                public sealed record Move([WireName(null!)] int X, int Y) : Command;
            }
            """,
        ["empty-tag"] = """
            [TaggedUnion(Tag = "")]
            public abstract partial record Command
            {
                public sealed record Move(int X, int Y) : Command;
            }
            """,
        ["attribute-on-struct"] = """
            [TaggedUnion]
            public partial struct NotAUnion
            {
            }
            """,
        ["attribute-on-interface"] = """
            [WireRecord]
            public partial interface INotARecord
            {
            }
            """,
        ["wire-record-on-record-struct"] = """
            [WireRecord]
            public partial record struct Point(int X, int Y);
            """,
        ["case-nested-in-a-case"] = """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Outer(int X) : Command
                {
                    public sealed record Inner(int Y) : Command;
                }
            }
            """,
        ["parameters-with-defaults-and-params"] = """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Move(int X = 1, params int[] Rest) : Command;
            }
            """,
        ["ref-parameter"] = """
            [WireRecord]
            public sealed partial record Point(ref int X);
            """,
        ["union-nested-in-a-generic-type"] = """
            public partial class Outer<T>
            {
                [TaggedUnion]
                public abstract partial record Command
                {
                    public sealed record Ping : Command;
                }
            }
            """,
        ["attribute-on-a-method"] = """
            public static class Methods
            {
                [TaggedUnion]
                public static void M() { }
            }
            """,
    };

    public static TheoryData<string> Inputs => new(s_inputs.Keys);

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Generator_does_not_throw(string name)
    {
        GenerationResult result = Generation.Run(Generation.Compile(Generation.Prelude + "namespace Demo;\n\n" + s_inputs[name]));

        Assert.Null(result.Run.Exception);
        // CS8785 is how the compiler says a generator threw.
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "CS8785");
        Assert.All(result.GeneratorDiagnostics, d => Assert.StartsWith("RHOF", d.Id));
    }
}

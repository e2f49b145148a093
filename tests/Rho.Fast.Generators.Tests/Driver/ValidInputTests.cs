using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Rho.Fast.Generators.Tests.Driver;

/// <summary>Well-formed declarations: no warnings or errors, code that compiles, one file per union or record.</summary>
public sealed class ValidInputTests
{
    private static readonly Dictionary<string, (string Source, string[] HintNames)> s_inputs = new()
    {
        ["external-unit-newtype-struct"] = (
            """
            namespace Demo;

            [WireRecord]
            public sealed partial record Point(int X, int Y);

            [TaggedUnion]
            public abstract partial record Command
            {
                private Command() { }
                public sealed record Ping : Command;
                public sealed record Say(string Text) : Command;
                public sealed record Move(int X, int Y) : Command;
                public sealed record Place(Point At) : Command;
            }
            """,
            ["Demo.Command.g.cs", "Demo.Point.g.cs"]),

        ["internal-unit-newtype-struct"] = (
            """
            namespace Demo;

            [WireRecord]
            public sealed partial record Point(int X, int Y);

            [TaggedUnion(Tag = "type")]
            public abstract partial record Event
            {
                public sealed record Started : Event;
                public sealed record Placed(Point At) : Event;
                public sealed record Moved(int X, int Y) : Event;
                public sealed record Said(string Text) : Event;
            }
            """,
            ["Demo.Event.g.cs", "Demo.Point.g.cs"]),

        ["adjacent-unit-newtype-struct"] = (
            """
            namespace Demo;

            [WireRecord]
            public sealed partial record Point(int X, int Y);

            [TaggedUnion(Tag = "t", Content = "c")]
            public abstract partial record Message
            {
                public sealed record Ping : Message;
                public sealed record Say(string Text) : Message;
                public sealed record Move(int X, int Y) : Message;
                public sealed record Place(Point At) : Message;
            }
            """,
            ["Demo.Message.g.cs", "Demo.Point.g.cs"]),

        ["record-with-every-scalar"] = (
            """
            namespace Demo;

            [WireRecord]
            public sealed partial record Scalars(
                string Text, bool Flag, sbyte I8, byte U8, short I16, ushort U16, int I32, uint U32,
                long I64, ulong U64, double F64, RawJson Raw);
            """,
            ["Demo.Scalars.g.cs"]),

        ["list-members"] = (
            """
            namespace Demo;

            [WireRecord]
            public sealed partial record Point(int X, int Y);

            [TaggedUnion]
            public abstract partial record Shape
            {
                public sealed record Dot : Shape;
                public sealed record Path(List<Point> Points, string[] Labels, IEnumerable<Shape> Children) : Shape;
                public sealed record Grid(IReadOnlyList<int> Cells, List<string[]> Rows, ICollection<bool> Flags) : Shape;
                public sealed record Table(IList<double> Widths, IReadOnlyCollection<RawJson> Notes) : Shape;
            }
            """,
            ["Demo.Point.g.cs", "Demo.Shape.g.cs"]),

        ["nullable-members"] = (
            """
            namespace Demo;

            [WireRecord]
            public sealed partial record Point(int X, int Y);

            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Ping : Command;
            }

            [WireRecord]
            public sealed partial record Optional(
                string? Text, int? Count, ulong? Big, double? Ratio, bool? Flag, Point? Corner, Command? Next,
                RawJson? Extra, List<int>? Numbers, List<int?> Holes, string?[] Words, Point?[]? Corners);
            """,
            ["Demo.Command.g.cs", "Demo.Optional.g.cs", "Demo.Point.g.cs"]),

        ["raw-json-members"] = (
            """
            namespace Demo;

            [TaggedUnion(Tag = "kind")]
            public abstract partial record Call
            {
                public sealed record Invoke(string Name, RawJson Arguments, RawJson? Meta, RawJson[] Batch) : Call;
            }

            [TaggedUnion]
            public abstract partial record Value
            {
                public sealed record Raw(RawJson Json) : Value;
            }
            """,
            ["Demo.Call.g.cs", "Demo.Value.g.cs"]),

        ["wire-case-and-wire-name"] = (
            """
            namespace Demo;

            [TaggedUnion(Tag = "op", RenameAll = RenameRule.SnakeCase)]
            public abstract partial record Op
            {
                [WireCase(Name = "custom-name")]
                public sealed record ToolCall([WireName("id")] int CallId, string DisplayName) : Op;

                [WireCase(Shape = CaseShape.Struct)]
                public sealed record Empty() : Op;

                [WireCase(Shape = CaseShape.Unit)]
                public sealed record Quit() : Op;

                [WireCase(Name = "quote\"back\\slash", Shape = CaseShape.Struct)]
                public sealed record Odd([WireName("new\nline")] int Value) : Op;
            }

            [WireRecord(RenameAllFields = RenameRule.None)]
            public sealed partial record Kept(int CallId, [WireName("café")] string Name);
            """,
            ["Demo.Kept.g.cs", "Demo.Op.g.cs"]),

        ["recursive-union"] = (
            """
            namespace Demo;

            [TaggedUnion(Tag = "type", Content = "value")]
            public abstract partial record Tree
            {
                public sealed record Leaf(int Value) : Tree;
                public sealed record Branch(Tree Left, Tree Right) : Tree;
                public sealed record Forest(List<Tree> Trees, Tree? Parent) : Tree;
            }
            """,
            ["Demo.Tree.g.cs"]),

        ["self-referencing-record"] = (
            """
            namespace Demo;

            [WireRecord]
            public sealed partial record Node(string Name, Node? Next, List<Node> Children);
            """,
            ["Demo.Node.g.cs"]),

        ["global-namespace"] = (
            """
            [TaggedUnion]
            public abstract partial record GlobalUnion
            {
                public sealed record Only(int X) : GlobalUnion;
                public sealed record Pair(int X, int Y) : GlobalUnion;
            }

            public partial class GlobalHolder
            {
                [WireRecord(Shape = RecordShape.Object)]
                public sealed partial record NestedRecord(string Name);
            }
            """,
            ["GlobalHolder.NestedRecord.g.cs", "GlobalUnion.g.cs"]),

        ["block-scoped-nested-namespace"] = (
            """
            namespace Demo.Inner
            {
                [TaggedUnion]
                public abstract partial record Command
                {
                    public sealed record Ping : Command;
                }
            }
            """,
            ["Demo.Inner.Command.g.cs"]),

        ["nested-in-containing-types"] = (
            """
            namespace Demo;

            public static partial class Api
            {
                public partial struct Handle
                {
                    [TaggedUnion]
                    public abstract partial record Command
                    {
                        public sealed record Ping : Command;
                    }
                }

                public partial record struct Slot
                {
                    [WireRecord]
                    public sealed partial record Point(int X, int Y);
                }
            }

            public partial interface IHost
            {
                [WireRecord(Shape = RecordShape.Object)]
                public sealed partial record Config(string Name);
            }
            """,
            ["Demo.Api.Handle.Command.g.cs", "Demo.Api.Slot.Point.g.cs", "Demo.IHost.Config.g.cs"]),

        ["keyword-named-cases-and-members"] = (
            """
            namespace Demo;

            [TaggedUnion(Tag = "type")]
            public abstract partial record Keywords
            {
                public sealed record @class(int @int, string @string) : Keywords;
                public sealed record @return : Keywords;
            }

            [WireRecord]
            public sealed partial record Fields(int @event, bool @default);
            """,
            ["Demo.Fields.g.cs", "Demo.Keywords.g.cs"]),

        ["record-in-the-global-namespace"] = (
            """
            [WireRecord]
            public sealed partial record GlobalPoint(int X, int Y);
            """,
            ["GlobalPoint.g.cs"]),

        ["two-read-only-list-members"] = (
            """
            namespace Demo;

            [WireRecord]
            public sealed partial record Grid(IReadOnlyList<int> Rows, IList<int> Cols, IReadOnlyList<IReadOnlyList<string>> Cells);
            """,
            ["Demo.Grid.g.cs"]),

        ["keyword-named-types"] = (
            """
            namespace Demo;

            public static partial class @class
            {
                [WireRecord(Shape = RecordShape.Object)]
                public sealed partial record @event(int X);

                [TaggedUnion]
                public abstract partial record @object
                {
                    public sealed record Ping : @object;
                }
            }
            """,
            ["Demo.class.event.g.cs", "Demo.class.object.g.cs"]),

        ["internal-union-of-record-payloads-only"] = (
            """
            namespace Demo;

            [WireRecord]
            public sealed partial record Spot(int X, int Y);

            [TaggedUnion(Tag = "type")]
            public abstract partial record Placement
            {
                public sealed record Placed(Spot At) : Placement;
            }
            """,
            ["Demo.Placement.g.cs", "Demo.Spot.g.cs"]),

        ["record-derived-from-a-record"] = (
            """
            namespace Demo;

            [WireRecord(Shape = RecordShape.Object)]
            public partial record Base(int X);

            [WireRecord]
            public sealed partial record Derived(int X, int Y) : Base(X);
            """,
            ["Demo.Base.g.cs", "Demo.Derived.g.cs"]),

        ["converter-attribute-declared-by-the-user"] = (
            """
            namespace Demo;

            [TaggedUnion]
            [System.Text.Json.Serialization.JsonConverter(typeof(Own.WireJsonConverter))]
            public abstract partial record Own
            {
                public sealed record Ping : Own;
            }
            """,
            ["Demo.Own.g.cs"]),

        ["members-from-the-runtime-assembly"] = (
            """
            namespace Demo;

            // Rho.Fast.ToolInvocation is a [WireRecord] and Rho.Fast.Message a union, both compiled into the runtime.
            [TaggedUnion(Tag = "type")]
            public abstract partial record Envelope
            {
                public sealed record Call(Rho.Fast.ToolInvocation Payload) : Envelope;
                public sealed record Chat(Rho.Fast.Message Message, List<Rho.Fast.ContentBlock> Blocks) : Envelope;
            }
            """,
            ["Demo.Envelope.g.cs"]),
    };

    // Each input is generated once and shared by the checks below.
    private static readonly ConcurrentDictionary<string, GenerationResult> s_results = new();

    public static TheoryData<string> Inputs => new(s_inputs.Keys);

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Generator_reports_no_problem_and_does_not_throw(string name)
    {
        GenerationResult result = Generate(name);

        Assert.Null(result.Run.Exception);
        Assert.Empty(result.GeneratorProblems);
        Assert.All(result.Run.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Output_compilation_has_no_errors(string name)
    {
        GenerationResult result = Generate(name);

        AssertNone(result.OutputErrors);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Generated_code_has_no_warnings(string name)
    {
        GenerationResult result = Generate(name);

        AssertNone(result.GeneratedWarnings);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Exactly_one_file_is_generated_per_union_and_record(string name)
    {
        GenerationResult result = Generate(name);

        Assert.Equal(s_inputs[name].HintNames, result.HintNames);
    }

    [Theory]
    [InlineData("SnakeCase", "tool_call", "call_id")]
    [InlineData("CamelCase", "toolCall", "callId")]
    [InlineData("KebabCase", "tool-call", "call-id")]
    [InlineData("Lowercase", "toolcall", "callid")]
    [InlineData("Uppercase", "TOOLCALL", "CALLID")]
    [InlineData("ScreamingSnakeCase", "TOOL_CALL", "CALL_ID")]
    [InlineData("None", "ToolCall", "CallId")]
    public void Rename_rules_compile_and_name_cases_and_fields(string rule, string caseName, string fieldName)
    {
        string source = Generation.Prelude + $$"""
            namespace Demo;

            [TaggedUnion(RenameAll = RenameRule.{{rule}}, RenameAllFields = RenameRule.{{rule}})]
            public abstract partial record Command
            {
                public sealed record ToolCall(int CallId, string Name) : Command;
            }
            """;

        GenerationResult result = Generation.Run(Generation.Compile(source));

        Assert.Null(result.Run.Exception);
        Assert.Empty(result.GeneratorDiagnostics);
        AssertNone(result.OutputErrors);
        string generated = Assert.Single(result.Run.GeneratedSources).SourceText.ToString();
        // Case and field names appear as UTF-8 literals in the reader.
        Assert.Contains("\"" + caseName + "\"u8", generated);
        Assert.Contains("\"" + fieldName + "\"u8", generated);
    }

    [Fact]
    public void Union_split_over_two_files_gets_one_file_with_every_case()
    {
        CSharpCompilation compilation = Generation.Compile(
            ("Command.cs", Generation.Prelude + """
                namespace Demo;

                [TaggedUnion]
                public abstract partial record Command
                {
                    public sealed record Ping : Command;
                }
                """),
            ("Command.More.cs", """
                namespace Demo;

                public abstract partial record Command
                {
                    public sealed record Pong : Command;
                }
                """));

        GenerationResult result = Generation.Run(compilation);

        Assert.Empty(result.GeneratorDiagnostics);
        AssertNone(result.OutputErrors);
        string generated = Assert.Single(result.Run.GeneratedSources).SourceText.ToString();
        Assert.Contains("\"Ping\"u8", generated);
        Assert.Contains("\"Pong\"u8", generated);
    }

    [Fact]
    public void Generated_types_implement_the_wire_interface_and_carry_the_converter()
    {
        GenerationResult result = Generate("external-unit-newtype-struct");

        INamedTypeSymbol command = result.Output.GetTypeByMetadataName("Demo.Command")!;
        Assert.Contains(command.AllInterfaces, i => i.ToDisplayString() == "Rho.Fast.Serialization.IWireSerializable<Demo.Command>");
        Assert.Contains(command.GetAttributes(), a => a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonConverterAttribute");
        Assert.NotNull(result.Output.GetTypeByMetadataName("Demo.Command+WireJsonConverter"));
        Assert.NotNull(result.Output.GetTypeByMetadataName("Demo.Point+WireJsonConverter"));
    }

    private static GenerationResult Generate(string name) =>
        s_results.GetOrAdd(name, n => Generation.Run(Generation.Compile(Generation.Prelude + s_inputs[n].Source)));

    private static void AssertNone(IEnumerable<Diagnostic> diagnostics)
    {
        string[] lines = diagnostics.Select(d => d.ToString()).ToArray();
        Assert.True(lines.Length == 0, string.Join("\n", lines));
    }
}

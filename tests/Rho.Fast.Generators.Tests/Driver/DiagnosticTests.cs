using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Rho.Fast.Generators.Tests.Driver;

/// <summary>Each diagnostic fires on a minimal bad input, points into the user's file, and names the type.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void RHOF001_union_not_partial()
    {
        AssertReports("RHOF001", at: "Command", typeName: "Command", """
            [TaggedUnion]
            public abstract record Command
            {
                public sealed record Ping : Command;
            }
            """);
    }

    [Fact]
    public void RHOF001_record_not_partial()
    {
        AssertReports("RHOF001", at: "Point", typeName: "Point", """
            [WireRecord]
            public sealed record Point(int X, int Y);
            """);
    }

    [Fact]
    public void RHOF001_containing_type_not_partial_is_reported_on_that_type()
    {
        AssertReports("RHOF001", at: "Outer", typeName: "Outer", """
            public class Outer
            {
                [TaggedUnion]
                public abstract partial record Command
                {
                    public sealed record Ping : Command;
                }
            }
            """);
    }

    [Fact]
    public void RHOF002_union_not_abstract()
    {
        AssertReports("RHOF002", at: "Command", typeName: "Command", """
            [TaggedUnion]
            public partial record Command
            {
                public sealed record Ping : Command;
            }
            """);
    }

    [Fact]
    public void RHOF002_union_declared_as_class()
    {
        AssertReports("RHOF002", at: "Command", typeName: "Command", """
            [TaggedUnion]
            public abstract partial class Command
            {
                public sealed class Ping : Command { }
            }
            """);
    }

    [Fact]
    public void RHOF003_union_without_cases()
    {
        AssertReports("RHOF003", at: "Command", typeName: "Command", """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record NotACase(int X);
            }
            """);
    }

    [Fact]
    public void RHOF004_two_cases_with_one_wire_name()
    {
        Diagnostic diagnostic = AssertReports("RHOF004", at: "Second", typeName: "Command", """
            [TaggedUnion]
            public abstract partial record Command
            {
                [WireCase(Name = "same")]
                public sealed record First : Command;

                [WireCase(Name = "same")]
                public sealed record Second : Command;
            }
            """);

        Assert.Contains("'same'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RHOF004_rename_rule_merges_two_case_names()
    {
        AssertReports("RHOF004", at: "TOOLCALL", typeName: "Command", """
            [TaggedUnion(RenameAll = RenameRule.Lowercase)]
            public abstract partial record Command
            {
                public sealed record ToolCall : Command;
                public sealed record TOOLCALL : Command;
            }
            """);
    }

    [Fact]
    public void RHOF005_unsupported_member_type()
    {
        Diagnostic diagnostic = AssertReports("RHOF005", at: "When", typeName: "At", """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record At(System.DateTime When, int X) : Command;
            }
            """);

        Assert.Contains("DateTime", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RHOF005_unsupported_list_element_type_in_a_record()
    {
        AssertReports("RHOF005", at: "Lookup", typeName: "Index", """
            [WireRecord]
            public sealed partial record Index(HashSet<int> Lookup);
            """);
    }

    [Fact]
    public void RHOF006_internal_tag_equals_a_struct_field()
    {
        AssertReports("RHOF006", at: "Typed", typeName: "Command", """
            [TaggedUnion(Tag = "type")]
            public abstract partial record Command
            {
                public sealed record Typed(string Type, int X) : Command;
            }
            """);
    }

    [Fact]
    public void RHOF006_adjacent_tag_equals_content_key()
    {
        AssertReports("RHOF006", at: "Command", typeName: "Command", """
            [TaggedUnion(Tag = "t", Content = "t")]
            public abstract partial record Command
            {
                public sealed record Say(string Text) : Command;
            }
            """);
    }

    [Fact]
    public void RHOF007_case_not_sealed()
    {
        AssertReports("RHOF007", at: "Open", typeName: "Command", """
            [TaggedUnion]
            public abstract partial record Command
            {
                public record Open(int X) : Command;
            }
            """);
    }

    [Fact]
    public void RHOF008_wire_record_without_primary_constructor()
    {
        AssertReports("RHOF008", at: "Plain", typeName: "Plain", """
            [WireRecord]
            public sealed partial record Plain
            {
                public int X { get; init; }
            }
            """);
    }

    [Fact]
    public void RHOF008_wire_record_on_a_class()
    {
        AssertReports("RHOF008", at: "Plain", typeName: "Plain", """
            [WireRecord]
            public sealed partial class Plain(int X)
            {
                public int X { get; } = X;
            }
            """);
    }

    [Fact]
    public void RHOF009_content_without_tag()
    {
        AssertReports("RHOF009", at: "Command", typeName: "Command", """
            [TaggedUnion(Content = "c")]
            public abstract partial record Command
            {
                public sealed record Say(string Text) : Command;
            }
            """);
    }

    [Fact]
    public void RHOF010_internal_case_declared_newtype_holding_a_string()
    {
        Diagnostic diagnostic = AssertReports("RHOF010", at: "Say", typeName: "Command", """
            [TaggedUnion(Tag = "type")]
            public abstract partial record Command
            {
                [WireCase(Shape = CaseShape.Newtype)]
                public sealed record Say(string Text) : Command;
            }
            """);

        Assert.Contains("'string'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RHOF010_internal_case_declared_newtype_holding_a_list()
    {
        AssertReports("RHOF010", at: "Batch", typeName: "Command", """
            [TaggedUnion(Tag = "type")]
            public abstract partial record Command
            {
                [WireCase(Shape = CaseShape.Newtype)]
                public sealed record Batch(List<int> Items) : Command;
            }
            """);
    }

    [Fact]
    public void RHOF011_generic_union()
    {
        AssertReports("RHOF011", at: "Command", typeName: "Command", """
            [TaggedUnion]
            public abstract partial record Command<T>
            {
                public sealed record Ping : Command<T>;
            }
            """);
    }

    [Fact]
    public void RHOF011_generic_record()
    {
        AssertReports("RHOF011", at: "Box", typeName: "Box", """
            [WireRecord]
            public sealed partial record Box<T>(int X);
            """);
    }

    [Fact]
    public void RHOF012_unit_case_with_members()
    {
        Diagnostic diagnostic = AssertReports("RHOF012", at: "Ping", typeName: "Command", """
            [TaggedUnion]
            public abstract partial record Command
            {
                [WireCase(Shape = CaseShape.Unit)]
                public sealed record Ping(int X) : Command;
            }
            """);

        Assert.Contains("unit", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RHOF012_newtype_case_with_two_members()
    {
        AssertReports("RHOF012", at: "Pair", typeName: "Command", """
            [TaggedUnion]
            public abstract partial record Command
            {
                [WireCase(Shape = CaseShape.Newtype)]
                public sealed record Pair(int X, int Y) : Command;
            }
            """);
    }

    [Fact]
    public void RHOF013_two_record_fields_with_one_wire_name()
    {
        Diagnostic diagnostic = AssertReports("RHOF013", at: "Right", typeName: "Pair", """
            [WireRecord]
            public sealed partial record Pair(int Left, [WireName("left")] int Right);
            """);

        Assert.Contains("'left'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RHOF013_two_case_fields_that_one_rename_rule_merges()
    {
        AssertReports("RHOF013", at: "callId", typeName: "ToolCall", """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record ToolCall(int CallId, int callId) : Command;
            }
            """);
    }

    [Fact]
    public void RHOF011_union_nested_in_a_generic_type()
    {
        AssertReports("RHOF011", at: "Command", typeName: "Command", """
            public partial class Outer<T>
            {
                [TaggedUnion]
                public abstract partial record Command
                {
                    public sealed record Ping : Command;
                }
            }
            """);
    }

    [Fact]
    public void RHOF010_nullable_record_payload_of_an_internally_tagged_case()
    {
        AssertReports("RHOF010", at: "Placed", typeName: "Event", """
            [TaggedUnion(Tag = "type")]
            public abstract partial record Event
            {
                [WireCase(Shape = CaseShape.Newtype)]
                public sealed record Placed(Rho.Fast.ToolOutcome? At) : Event;
            }
            """);
    }

    [Fact]
    public void RHOF014_case_named_like_a_generated_member()
    {
        AssertReports("RHOF014", at: "ReadWire", typeName: "Command", """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record ReadWire : Command;
            }
            """);
    }

    [Fact]
    public void RHOF014_record_member_named_like_a_generated_member()
    {
        AssertReports("RHOF014", at: "Point", typeName: "Point", """
            [WireRecord]
            public sealed partial record Point(int X, int WriteWire);
            """);
    }

    [Fact]
    public void RHOF008_wire_record_on_a_record_struct()
    {
        AssertReports("RHOF008", at: "Point", typeName: "Point", """
            [WireRecord]
            public partial record struct Point(int X);
            """);
    }

    [Fact]
    public void RHOF017_flattened_member_that_is_neither_a_record_nor_a_catch_all_map()
    {
        AssertReports("RHOF017", at: "Count", typeName: "Holder", """
            [WireRecord]
            public sealed partial record Holder(string Id, [WireFlatten] int Count);
            """);
    }

    [Fact]
    public void RHOF017_flattened_map_of_strings_is_not_a_catch_all()
    {
        AssertReports("RHOF017", at: "Extra", typeName: "Holder", """
            [WireRecord]
            public sealed partial record Holder(string Id, [WireFlatten] Dictionary<string, string> Extra);
            """);
    }

    [Fact]
    public void RHOF018_record_with_two_catch_all_maps()
    {
        AssertReports("RHOF018", at: "Holder", typeName: "Holder", """
            [WireRecord]
            public sealed partial record Holder(string Id, [WireFlatten] SortedDictionary<string, JsonValue> A, [WireFlatten] Dictionary<string, JsonValue> B);
            """);
    }

    [Fact]
    public void RHOF018_catch_all_map_beside_one_inside_a_flattened_record()
    {
        string source = Generation.Prelude + "namespace Demo;\n\n" + """
            [WireRecord]
            public sealed partial record Inner(int A, [WireFlatten] SortedDictionary<string, JsonValue> Rest);

            [WireRecord]
            public sealed partial record Holder(string Id, [WireFlatten] Inner Inner, [WireFlatten] Dictionary<string, JsonValue> More);
            """;
        GenerationResult result = Generation.Run(Generation.Compile(source));

        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("RHOF018", diagnostic.Id);
        Assert.Equal("Holder", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Contains("'Rest' and 'More'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(["Demo.Inner.g.cs"], result.HintNames);
    }

    [Fact]
    public void RHOF018_union_with_two_catch_all_cases()
    {
        AssertReports("RHOF018", at: "Later", typeName: "Command", """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Ping : Command;
                [WireOther]
                public sealed record Unknown : Command;
                [WireOther]
                public sealed record Later : Command;
            }
            """);
    }

    [Fact]
    public void RHOF019_field_alias_equals_another_field_name()
    {
        AssertReports("RHOF019", at: "Person", typeName: "Person", """
            [WireRecord]
            public sealed partial record Person([WireAlias("id")] string Name, string Id);
            """);
    }

    [Fact]
    public void RHOF019_case_alias_equals_another_case_name()
    {
        AssertReports("RHOF019", at: "Pong", typeName: "Command", """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Ping : Command;
                [WireAlias("Ping")]
                public sealed record Pong : Command;
            }
            """);
    }

    [Fact]
    public void RHOF020_skip_when_null_on_a_member_that_is_never_null()
    {
        Diagnostic diagnostic = AssertReports("RHOF020", at: "Count", typeName: "Item", """
            [WireRecord]
            public sealed partial record Item(string Id, [WireSkip(SkipWhen.Null)] int Count);
            """);
        Assert.Contains("SkipWhen.Null", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RHOF020_skip_when_empty_on_a_member_that_is_never_empty()
    {
        AssertReports("RHOF020", at: "Name", typeName: "Item", """
            [WireRecord]
            public sealed partial record Item(string Id, [WireSkip(SkipWhen.Empty)] string? Name);
            """);
    }

    [Fact]
    public void RHOF021_catch_all_case_with_a_payload_that_is_not_raw_json()
    {
        AssertReports("RHOF021", at: "Unknown", typeName: "Command", """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Ping : Command;
                [WireOther]
                public sealed record Unknown(string Text) : Command;
            }
            """);
    }

    [Fact]
    public void RHOF021_catch_all_case_in_an_untagged_union()
    {
        AssertReports("RHOF021", at: "Unknown", typeName: "Value", """
            [TaggedUnion(Untagged = true)]
            public abstract partial record Value
            {
                [WireCase(Shape = CaseShape.Newtype)]
                public sealed record Text(string Value) : Value;
                [WireOther]
                public sealed record Unknown : Value;
            }
            """);
    }

    [Fact]
    public void RHOF022_transparent_record_with_two_members()
    {
        AssertReports("RHOF022", at: "Pair", typeName: "Pair", """
            [WireRecord(Shape = RecordShape.Transparent)]
            public sealed partial record Pair(int A, int B);
            """);
    }

    [Fact]
    public void RHOF022_unit_record_with_a_member()
    {
        AssertReports("RHOF022", at: "Marker", typeName: "Marker", """
            [WireRecord(Shape = RecordShape.Unit)]
            public sealed partial record Marker(int A);
            """);
    }

    [Fact]
    public void RHOF023_default_of_the_wrong_type()
    {
        AssertReports("RHOF023", at: "Count", typeName: "Item", """
            [WireRecord]
            public sealed partial record Item(string Id, [WireDefault("none")] int Count);
            """);
    }

    [Fact]
    public void RHOF023_null_default_for_a_member_that_cannot_be_null()
    {
        AssertReports("RHOF023", at: "Label", typeName: "Item", """
            [WireRecord]
            public sealed partial record Item(string Id, [WireDefault(null)] string Label);
            """);
    }

    [Fact]
    public void RHOF024_unknown_fields_denied_with_a_flattened_member()
    {
        AssertReports("RHOF024", at: "Holder", typeName: "Holder", """
            [WireRecord(DenyUnknownFields = true)]
            public sealed partial record Holder(string Id, [WireFlatten] SortedDictionary<string, JsonValue> Extra);
            """);
    }

    [Fact]
    public void RHOF025_tuple_case_in_an_internally_tagged_union()
    {
        AssertReports("RHOF025", at: "Move", typeName: "Command", """
            [TaggedUnion(Tag = "type")]
            public abstract partial record Command
            {
                public sealed record Ping : Command;
                [WireCase(Shape = CaseShape.Tuple)]
                public sealed record Move(int X, int Y) : Command;
            }
            """);
    }

    [Fact]
    public void RHOF015_one_member_record_without_a_shape()
    {
        Diagnostic diagnostic = AssertReports("RHOF015", at: "Id", typeName: "Id", """
            [WireRecord]
            public sealed partial record Id(string Value);
            """);
        Assert.Contains("{\"value\":value}", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("[WireRecord(Shape = RecordShape.Object)]")]
    [InlineData("[WireRecord(Shape = RecordShape.Transparent)]")]
    public void RHOF015_not_reported_when_the_one_member_record_says_its_shape(string attribute)
    {
        GenerationResult result = Generation.Run(Generation.Compile(Generation.Prelude + "namespace Demo;\n\n" + attribute + "\npublic sealed partial record Id(string Value);\n"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Single(result.Run.GeneratedSources);
    }

    [Fact]
    public void RHOF015_not_reported_for_one_flattened_member_which_can_only_be_an_object()
    {
        GenerationResult result = Generation.Run(Generation.Compile(Generation.Prelude + "namespace Demo;\n\n" + """
            [WireRecord]
            public sealed partial record Coords(int X, int Y);

            [WireRecord]
            public sealed partial record Holder([WireFlatten] Coords At);
            """));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(2, result.Run.GeneratedSources.Length);
    }

    [Theory]
    [InlineData("[TaggedUnion]", "Say", "text")]
    [InlineData("[TaggedUnion(Tag = \"t\", Content = \"c\")]", "Say", "text")]
    [InlineData("[TaggedUnion(Untagged = true)]", "Say", "text")]
    [InlineData("[TaggedUnion(Tag = \"type\")]", "Place", "at")]
    public void RHOF016_one_member_case_read_as_a_newtype_without_a_shape_is_advice(string attribute, string caseName, string field)
    {
        string source = Generation.Prelude + "namespace Demo;\n\n" + """
            [WireRecord]
            public sealed partial record Point(int X, int Y);

            ATTRIBUTE
            public abstract partial record Command
            {
                public sealed record Ping : Command;
                public sealed record Place(Point At) : Command;
                [WireCase(Shape = CaseShape.Newtype)]
                public sealed record Fixed(Point Value) : Command;
                [WireCase(Shape = CaseShape.Struct)]
                public sealed record Named(string Value) : Command;
                public sealed record Move(int X, int Y) : Command;
            }
            """.Replace("ATTRIBUTE", attribute);
        if (caseName == "Say")
        {
            source = source.Replace("    public sealed record Ping : Command;", "    public sealed record Ping : Command;\n    public sealed record Say(string Text) : Command;");
        }

        GenerationResult result = Generation.Run(Generation.Compile(source));

        // An internally tagged union has no newtype of a string (RHOF010), so there Say would be a struct case; Place is its newtype.
        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics, d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length) == caseName);
        Assert.Equal("RHOF016", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'" + caseName + "'", message);
        Assert.Contains("'Command'", message);
        Assert.Contains("\"" + field + "\"", message);
        Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("RHOF016", d.Id));
        Assert.Equal(2, result.Run.GeneratedSources.Length);
        Assert.Empty(result.OutputErrors);
    }

    [Fact]
    public void RHOF016_not_reported_for_explicit_shapes_struct_inferences_or_the_raw_catch_all()
    {
        GenerationResult result = Generation.Run(Generation.Compile(Generation.Prelude + "namespace Demo;\n\n" + """
            [TaggedUnion(Tag = "type")]
            public abstract partial record Event
            {
                // Internally tagged, a string cannot be a newtype: the one member is the struct case's field.
                public sealed record Said(string Text) : Event;
                [WireCase(Shape = CaseShape.Newtype)]
                public sealed record Placed(Point At) : Event;
                [WireOther]
                public sealed record Unknown(RawJson Value) : Event;
            }

            [WireRecord]
            public sealed partial record Point(int X, int Y);
            """));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Equal(2, result.Run.GeneratedSources.Length);
    }

    [Fact]
    public void RHOF016_does_not_change_the_generated_code()
    {
        const string Implicit = """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Say(string Text) : Command;
            }
            """;
        string @explicit = Implicit.Replace("    public sealed record Say", "    [WireCase(Shape = CaseShape.Newtype)]\n    public sealed record Say");

        GenerationResult inferred = Generation.Run(Generation.Compile(Generation.Prelude + "namespace Demo;\n\n" + Implicit));
        GenerationResult declared = Generation.Run(Generation.Compile(Generation.Prelude + "namespace Demo;\n\n" + @explicit));

        Assert.Equal("RHOF016", Assert.Single(inferred.GeneratorDiagnostics).Id);
        Assert.Empty(declared.GeneratorDiagnostics);
        Assert.Equal(declared.SourceOf("Demo.Command.g.cs"), inferred.SourceOf("Demo.Command.g.cs"));
    }

    [Theory]
    [InlineData("typeof(Command)")]
    [InlineData("typeof(List<Command>)")]
    [InlineData("typeof(Dictionary<string, Command[]>)")]
    public void RHOF026_union_listed_on_a_json_serializer_context_in_the_same_project(string listed)
    {
        string source = Generation.Prelude + "using System.Text.Json.Serialization;\n\nnamespace Demo;\n\n" + """
            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Ping : Command;
            }

            [JsonSerializable(typeof(Rho.Fast.Message))]
            [JsonSerializable(LISTED)]
            internal sealed partial class Context : JsonSerializerContext
            {
            }
            """.Replace("LISTED", listed);
        GenerationResult result = Generation.Run(Generation.Compile(source));

        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("RHOF026", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        TextSpan span = diagnostic.Location.SourceSpan;
        Assert.Equal("JsonSerializable(" + listed + ")", source.Substring(span.Start, span.Length));
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'Command'", message);
        Assert.Contains("'Context'", message);
        Assert.Contains("empty object", message);
        Assert.Single(result.Run.GeneratedSources);
    }

    [Theory]
    [InlineData("typeof(Point)")]
    [InlineData("typeof(Point[])")]
    [InlineData("typeof(Dictionary<string, List<Point>>)")]
    public void RHOF026_wire_record_listed_on_a_json_serializer_context_in_the_same_project(string listed)
    {
        string source = Generation.Prelude + "using System.Text.Json.Serialization;\n\nnamespace Demo;\n\n" + """
            [WireRecord]
            public sealed partial record Point(int X, int Y);

            [JsonSerializable(typeof(Rho.Fast.ToolInvocation))]
            [JsonSerializable(LISTED)]
            internal sealed partial class Context : JsonSerializerContext
            {
            }
            """.Replace("LISTED", listed);
        GenerationResult result = Generation.Run(Generation.Compile(source));

        Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("RHOF026", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        TextSpan span = diagnostic.Location.SourceSpan;
        Assert.Equal("JsonSerializable(" + listed + ")", source.Substring(span.Start, span.Length));
        string message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("'Point'", message);
        Assert.Contains("'Context'", message);
        Assert.Contains("C# property names", message);
        Assert.Single(result.Run.GeneratedSources);
    }

    [Fact]
    public void RHOF026_wire_types_reached_through_the_properties_of_a_plain_type_of_the_project()
    {
        string source = Generation.Prelude + "using System.Text.Json.Serialization;\n\nnamespace Demo;\n\n" + """
            [WireRecord]
            public sealed partial record Point(int X, int Y);

            [TaggedUnion]
            public abstract partial record Command
            {
                public sealed record Ping : Command;
            }

            [WireRecord]
            public sealed partial record Hidden(int X, int Y);

            public class Base
            {
                public Command? Last { get; set; }
            }

            public sealed class Envelope : Base
            {
                public List<Point> Points { get; set; } = new();
                [JsonIgnore]
                public Hidden? Skipped { get; set; }
                public Hidden? NotAField;
                [JsonConverter(typeof(Hidden.WireJsonConverter))]
                public Hidden? Converted { get; set; }
                public int Count { get; set; }
                public Envelope? Next { get; set; }
            }

            [JsonSerializable(typeof(Envelope))]
            internal sealed partial class Context : JsonSerializerContext
            {
            }
            """;
        GenerationResult result = Generation.Run(Generation.Compile(source));

        // Hidden is only in an ignored property, a field System.Text.Json does not include, and a property with its own converter.
        Assert.All(result.GeneratorDiagnostics, d => Assert.Equal("RHOF026", d.Id));
        string[] named = result.GeneratorDiagnostics
            .Select(d => d.GetMessage(CultureInfo.InvariantCulture).Split('\'')[1])
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(["Command", "Point"], named);
    }

    [Fact]
    public void RHOF026_not_reported_for_a_record_with_its_own_converter()
    {
        string source = Generation.Prelude + "using System;\nusing System.Text.Json;\nusing System.Text.Json.Serialization;\n\nnamespace Demo;\n\n" + """
            [WireRecord]
            [JsonConverter(typeof(PointConverter))]
            public sealed partial record Point(int X, int Y);

            public sealed class PointConverter : JsonConverter<Point>
            {
                private static readonly Point.WireJsonConverter s_wire = new();

                public override Point Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => s_wire.Read(ref reader, typeToConvert, options);

                public override void Write(Utf8JsonWriter writer, Point value, JsonSerializerOptions options) => s_wire.Write(writer, value, options);
            }

            [JsonSerializable(typeof(List<Point>))]
            internal sealed partial class Context : JsonSerializerContext
            {
            }
            """;
        GenerationResult result = Generation.Run(Generation.Compile(source));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.DoesNotContain(result.OutputErrors, d => d.Location.SourceTree?.FilePath != Generation.InputPath);
    }

    [Fact]
    public void RHOF026_not_reported_for_a_union_with_its_own_converter()
    {
        string source = Generation.Prelude + "using System;\nusing System.Text.Json;\nusing System.Text.Json.Serialization;\n\nnamespace Demo;\n\n" + """
            [TaggedUnion]
            [JsonConverter(typeof(CommandConverter))]
            public abstract partial record Command
            {
                public sealed record Ping : Command;
            }

            public sealed class CommandConverter : JsonConverter<Command>
            {
                private static readonly Command.WireJsonConverter s_wire = new();

                public override Command Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => s_wire.Read(ref reader, typeToConvert, options);

                public override void Write(Utf8JsonWriter writer, Command value, JsonSerializerOptions options) => s_wire.Write(writer, value, options);
            }

            [JsonSerializable(typeof(Command))]
            internal sealed partial class Context : JsonSerializerContext
            {
            }
            """;
        GenerationResult result = Generation.Run(Generation.Compile(source));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.DoesNotContain(result.OutputErrors, d => d.Location.SourceTree?.FilePath != Generation.InputPath);
    }

    /// <summary>
    /// Runs the generator over <paramref name="body"/> and checks it reports exactly <paramref name="id"/>,
    /// located on the text <paramref name="at"/> in the input file, with a message naming <paramref name="typeName"/>,
    /// and that it neither throws nor emits code for the broken type.
    /// </summary>
    private static Diagnostic AssertReports(string id, string at, string typeName, string body)
    {
        string source = Generation.Prelude + "namespace Demo;\n\n" + body;
        GenerationResult result = Generation.Run(Generation.Compile(source));

        Assert.Null(result.Run.Exception);
        Diagnostic diagnostic = Assert.Single(result.GeneratorProblems);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);

        FileLinePositionSpan lines = diagnostic.Location.GetLineSpan();
        TextSpan span = diagnostic.Location.SourceSpan;
        Assert.Equal(Generation.InputPath, lines.Path);
        Assert.Equal(at, source.Substring(span.Start, span.Length));
        SourceText text = SourceText.From(source);
        Assert.Equal(text.Lines.GetLinePositionSpan(span), lines.Span);

        Assert.Contains("'" + typeName + "'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(result.Run.GeneratedSources);
        return diagnostic;
    }
}

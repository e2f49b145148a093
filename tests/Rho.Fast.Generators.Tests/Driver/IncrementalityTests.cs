using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Rho.Fast.Generators.Tests.Driver;

/// <summary>Edits outside a union or record leave its steps cached; edits to it rerun them.</summary>
public sealed class IncrementalityTests
{
    private const string CommandFile = "Command.cs";
    private const string PointFile = "Point.cs";
    private const string OtherFile = "Other.cs";

    private const string Command = Generation.Prelude + """
        namespace Demo;

        [TaggedUnion(Tag = "type")]
        public abstract partial record Command
        {
            public sealed record Ping : Command;
            [WireCase(Shape = CaseShape.Newtype)]
            public sealed record Place(Point At) : Command;
            public sealed record Move(int X, int Y) : Command;
        }
        """;

    private const string Point = Generation.Prelude + """
        namespace Demo;

        [WireRecord]
        public sealed partial record Point(int X, int Y);
        """;

    private const string Other = """
        namespace Demo;

        public static class Other
        {
            public static int Value => 1;
        }
        """;

    private const string FeaturesFile = "Features.cs";

    /// <summary>One of each newer feature: an enum, a record with field options, an untagged union, a raw catch-all and maps.</summary>
    private const string Features = Generation.Prelude + """
        namespace Demo;

        [WireEnum(RenameAll = RenameRule.SnakeCase)]
        public enum Color
        {
            DeepRed,
            Green,
        }

        [WireRecord]
        public sealed partial record Extent(int Width, int Height);

        [WireRecord]
        public sealed partial record Shape(
            [WireAlias("title")] string Name,
            [WireSkip(SkipWhen.Null)] string? Note,
            [WireDefault(3)] int Sides,
            Color Fill,
            [WireFlatten] Extent Size,
            Dictionary<string, int> Weights,
            [WireFlatten] SortedDictionary<string, JsonValue> Rest);

        [TaggedUnion(Untagged = true)]
        public abstract partial record Loose
        {
            [WireCase(Shape = CaseShape.Newtype)]
            public sealed record Text(string Value) : Loose;
            public sealed record Pair(int A, int B) : Loose;
        }

        [TaggedUnion(Tag = "kind")]
        public abstract partial record Open
        {
            public sealed record Known(Dictionary<string, string> Labels) : Open;
            [WireOther]
            public sealed record Unknown(RawJson Value) : Open;
        }
        """;

    private static readonly IncrementalStepRunReason[] s_reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    [Fact]
    public void First_run_produces_new_outputs_for_every_step()
    {
        GeneratorRunResult run = RunOnce(Initial());

        Assert.All(Reasons(run, TaggedUnionGenerator.UnionStep), r => Assert.Equal(IncrementalStepRunReason.New, r));
        Assert.All(Reasons(run, TaggedUnionGenerator.RecordStep), r => Assert.Equal(IncrementalStepRunReason.New, r));
        Assert.All(SourceOutputReasons(run), r => Assert.Equal(IncrementalStepRunReason.New, r));
        Assert.Equal(2, run.GeneratedSources.Length);
    }

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached()
    {
        GeneratorRunResult run = RunTwice(c => c.AddSyntaxTrees(Generation.Parse("Unrelated.cs", "namespace Demo; public sealed class Unrelated { }")));

        AssertReused(run);
    }

    [Fact]
    public void Editing_an_unrelated_file_leaves_every_step_cached()
    {
        GeneratorRunResult run = RunTwice(c => Replace(c, OtherFile, Other.Replace("=> 1;", "=> 2;\n    public static string Name => \"other\";")));

        AssertReused(run);
    }

    [Fact]
    public void Moving_a_union_within_its_file_leaves_its_model_unchanged()
    {
        // The model holds no positions, so text shifted by a comment compares equal.
        GeneratorRunResult run = RunTwice(c => Replace(c, CommandFile, "// A comment that shifts every position below.\n\n" + Command));

        AssertReused(run);
    }

    [Fact]
    public void Adding_a_case_modifies_the_union_step_and_its_output()
    {
        string edited = Command.Replace(
            "public sealed record Move(int X, int Y) : Command;",
            "public sealed record Move(int X, int Y) : Command;\n    public sealed record Jump(int Height, int Distance) : Command;");
        Assert.NotEqual(Command, edited);

        GeneratorRunResult run = RunTwice(c => Replace(c, CommandFile, edited));

        Assert.Empty(run.Diagnostics);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(run, TaggedUnionGenerator.UnionStep));
        Assert.All(Reasons(run, TaggedUnionGenerator.RecordStep), r => Assert.Contains(r, s_reused));
        Assert.Contains(SourceOutputReasons(run), r => r is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        Assert.Contains("\"Jump\"u8", run.GeneratedSources.Single(s => s.HintName == "Demo.Command.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Adding_a_field_to_a_record_modifies_only_the_record()
    {
        // The union refers to Point by name only, so its model does not change with Point's fields.
        GeneratorRunResult run = RunTwice(c => Replace(c, PointFile, Point.Replace("(int X, int Y)", "(int X, int Y, int Z)")));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(run, TaggedUnionGenerator.RecordStep));
        Assert.All(Reasons(run, TaggedUnionGenerator.UnionStep), r => Assert.Contains(r, s_reused));
    }

    [Fact]
    public void Adding_a_union_in_a_new_file_adds_one_new_output()
    {
        const string second = Generation.Prelude + """
            namespace Demo;

            [TaggedUnion]
            public abstract partial record Reply
            {
                public sealed record Ok : Reply;
            }
            """;

        GeneratorRunResult run = RunTwice(c => c.AddSyntaxTrees(Generation.Parse("Reply.cs", second)));

        IncrementalStepRunReason[] unions = Reasons(run, TaggedUnionGenerator.UnionStep);
        Assert.Single(unions, r => r == IncrementalStepRunReason.New);
        Assert.All(unions.Where(r => r != IncrementalStepRunReason.New), r => Assert.Contains(r, s_reused));
        Assert.Equal(3, run.GeneratedSources.Length);
    }

    [Fact]
    public void Newer_features_produce_new_outputs_on_the_first_run()
    {
        GeneratorRunResult run = RunOnce(InitialWithFeatures());

        Assert.Empty(run.Diagnostics);
        Assert.All(Reasons(run, TaggedUnionGenerator.EnumStep), r => Assert.Equal(IncrementalStepRunReason.New, r));
        Assert.All(SourceOutputReasons(run), r => Assert.Equal(IncrementalStepRunReason.New, r));
        Assert.Equal(7, run.GeneratedSources.Length);
        Assert.Empty(Generation.Run(InitialWithFeatures()).OutputErrors);
    }

    [Fact]
    public void Adding_an_unrelated_file_leaves_newer_features_cached()
    {
        GeneratorRunResult run = RunTwice(InitialWithFeatures, c => c.AddSyntaxTrees(Generation.Parse("Unrelated.cs", "namespace Demo; public sealed class Unrelated { }")));

        AssertReusedWithEnums(run);
    }

    [Fact]
    public void Editing_an_unrelated_file_leaves_newer_features_cached()
    {
        GeneratorRunResult run = RunTwice(InitialWithFeatures, c => Replace(c, OtherFile, Other.Replace("=> 1;", "=> 2;\n    public static string Name => \"other\";")));

        AssertReusedWithEnums(run);
    }

    [Fact]
    public void Moving_newer_features_within_their_file_leaves_their_models_unchanged()
    {
        GeneratorRunResult run = RunTwice(InitialWithFeatures, c => Replace(c, FeaturesFile, "// A comment that shifts every position below.\n\n" + Features));

        AssertReusedWithEnums(run);
    }

    [Fact]
    public void Adding_an_enum_member_modifies_only_the_enum()
    {
        GeneratorRunResult run = RunTwice(InitialWithFeatures, c => Replace(c, FeaturesFile, Features.Replace("Green,", "Green,\n    Blue,")));

        Assert.Empty(run.Diagnostics);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(run, TaggedUnionGenerator.EnumStep));
        Assert.All(Reasons(run, TaggedUnionGenerator.UnionStep), r => Assert.Contains(r, s_reused));
        Assert.All(Reasons(run, TaggedUnionGenerator.RecordStep), r => Assert.Contains(r, s_reused));
    }

    [Fact]
    public void Editing_an_unrelated_file_leaves_the_context_check_cached()
    {
        // A union of another assembly, which carries its converter attribute: nothing to report.
        const string context = "using System.Text.Json.Serialization;\n\nnamespace Demo;\n\n[JsonSerializable(typeof(Rho.Fast.Message))]\ninternal sealed partial class Context : JsonSerializerContext\n{\n}\n";

        GeneratorRunResult run = RunTwice(
            () => Initial().AddSyntaxTrees(Generation.Parse("Context.cs", context)),
            c => Replace(c, OtherFile, Other.Replace("=> 1;", "=> 2;")));

        AssertReused(run);
        Assert.All(Reasons(run, TaggedUnionGenerator.ContextStep), r => Assert.Contains(r, s_reused));
    }

    private static CSharpCompilation InitialWithFeatures() =>
        Generation.Compile((CommandFile, Command), (PointFile, Point), (OtherFile, Other), (FeaturesFile, Features));

    private static CSharpCompilation Initial() =>
        Generation.Compile((CommandFile, Command), (PointFile, Point), (OtherFile, Other));

    private static GeneratorRunResult RunOnce(CSharpCompilation compilation) =>
        Assert.Single(Generation.CreateDriver(trackSteps: true).RunGenerators(compilation).GetRunResult().Results);

    /// <summary>Runs the generator, applies <paramref name="edit"/>, runs again on the same driver, and returns the second run.</summary>
    private static GeneratorRunResult RunTwice(Func<CSharpCompilation, CSharpCompilation> edit) => RunTwice(Initial, edit);

    private static GeneratorRunResult RunTwice(Func<CSharpCompilation> initial, Func<CSharpCompilation, CSharpCompilation> edit)
    {
        CSharpCompilation first = initial();
        GeneratorDriver driver = Generation.CreateDriver(trackSteps: true).RunGenerators(first);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        driver = driver.RunGenerators(edit(first));
        GeneratorRunResult run = Assert.Single(driver.GetRunResult().Results);
        Assert.Null(run.Exception);
        return run;
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string text)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, Generation.Parse(path, text));
    }

    private static void AssertReused(GeneratorRunResult run)
    {
        Assert.All(Reasons(run, TaggedUnionGenerator.UnionStep), r => Assert.Contains(r, s_reused));
        Assert.All(Reasons(run, TaggedUnionGenerator.RecordStep), r => Assert.Contains(r, s_reused));
        Assert.All(SourceOutputReasons(run), r => Assert.Contains(r, s_reused));
    }

    private static void AssertReusedWithEnums(GeneratorRunResult run)
    {
        AssertReused(run);
        Assert.All(Reasons(run, TaggedUnionGenerator.EnumStep), r => Assert.Contains(r, s_reused));
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult run, string stepName)
    {
        Assert.True(run.TrackedSteps.TryGetValue(stepName, out ImmutableArray<IncrementalGeneratorRunStep> steps), "no tracked step " + stepName);
        IncrementalStepRunReason[] reasons = steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.NotEmpty(reasons);
        return reasons;
    }

    private static IncrementalStepRunReason[] SourceOutputReasons(GeneratorRunResult run)
    {
        Assert.True(run.TrackedOutputSteps.TryGetValue(WellKnownGeneratorOutputs.SourceOutput, out ImmutableArray<IncrementalGeneratorRunStep> steps), "no source output step");
        IncrementalStepRunReason[] reasons = steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.NotEmpty(reasons);
        return reasons;
    }
}

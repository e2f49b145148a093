using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Rho.Fast.Generators.Tests.Driver;

/// <summary>
/// What the parse steps hand on must not pin a compilation: no symbol, syntax node, compilation,
/// semantic model or location anywhere in their object graphs.
/// </summary>
public sealed class PipelineModelTests
{
    private static readonly Type[] s_forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel),
        typeof(Location), typeof(AttributeData), typeof(SyntaxReference),
    ];

    [Fact]
    public void Models_of_valid_unions_and_records_hold_no_compilation_objects()
    {
        const string source = Generation.Prelude + """
            namespace Demo;

            [WireRecord]
            public sealed partial record Point(int X, int Y);

            public partial class Outer
            {
                [TaggedUnion(Tag = "t", Content = "c", RenameAll = RenameRule.KebabCase)]
                public abstract partial record Command
                {
                    public sealed record Ping : Command;
                    public sealed record Say(string? Text) : Command;
                    public sealed record Draw(List<Point> Points, Point?[] Holes, RawJson Style, IReadOnlyList<Command> Then) : Command;
                }
            }
            """;

        List<object?> outputs = ParseOutputs(Generation.Compile(source));

        Assert.Equal(2, outputs.Count);
        AssertClean(outputs);
    }

    [Fact]
    public void Models_carrying_diagnostics_hold_no_compilation_objects()
    {
        const string source = Generation.Prelude + """
            namespace Demo;

            [WireRecord]
            public sealed partial record Pair(int Left, [WireName("left")] int Right, System.DateTime When);

            [TaggedUnion(Tag = "type")]
            public abstract partial record Command
            {
                public sealed record Say(string Text) : Command;
                public record Open(int X) : Command;
            }
            """;
        CSharpCompilation compilation = Generation.Compile(source);
        Assert.NotEmpty(Generation.Run(compilation).GeneratorDiagnostics);

        List<object?> outputs = ParseOutputs(compilation);

        Assert.Equal(2, outputs.Count);
        AssertClean(outputs);
    }

    [Fact]
    public void The_graph_walk_finds_a_symbol_hidden_in_a_nested_collection()
    {
        // Proves the walk above would notice a leak rather than pass vacuously.
        CSharpCompilation compilation = Generation.Compile(Generation.Prelude + "namespace Demo; public sealed class Leak { }");
        INamedTypeSymbol symbol = compilation.GetTypeByMetadataName("Demo.Leak")!;
        var graph = new Dictionary<string, object> { ["model"] = (1, ImmutableArray.Create<object>("text", new[] { symbol })) };

        Assert.NotEmpty(FindForbidden(graph));
        Assert.NotEmpty(FindForbidden(Location.None));
        Assert.NotEmpty(FindForbidden(new Tuple<SyntaxTree>(compilation.SyntaxTrees[0])));
    }

    private static List<object?> ParseOutputs(CSharpCompilation compilation)
    {
        GeneratorDriver driver = Generation.CreateDriver(trackSteps: true).RunGenerators(compilation);
        GeneratorRunResult run = Assert.Single(driver.GetRunResult().Results);
        Assert.Null(run.Exception);
        return new[] { TaggedUnionGenerator.UnionStep, TaggedUnionGenerator.RecordStep }
            .SelectMany(name => run.TrackedSteps[name])
            .SelectMany(step => step.Outputs)
            .Select(output => (object?)output.Value)
            .ToList();
    }

    private static void AssertClean(List<object?> outputs)
    {
        List<string> found = outputs.SelectMany(FindForbidden).ToList();
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>Paths, from <paramref name="root"/>, of every value of a forbidden type in its object graph.</summary>
    private static List<string> FindForbidden(object? root)
    {
        var found = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, root?.GetType().Name ?? "null", seen, found);
        return found;
    }

    private static void Walk(object? value, string path, HashSet<object> seen, List<string> found)
    {
        if (value is null || value is string || value is Pointer)
        {
            return;
        }

        Type type = value.GetType();
        if (s_forbidden.Any(f => f.IsInstanceOfType(value)))
        {
            found.Add(path + " : " + type.FullName);
            return;
        }

        if (type.IsPrimitive || type.IsEnum || type == typeof(decimal) || (!type.IsValueType && !seen.Add(value)))
        {
            return;
        }

        if (value is Array array)
        {
            int index = 0;
            foreach (object? item in array)
            {
                Walk(item, path + "[" + index++ + "]", seen, found);
            }

            return;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                Walk(field.GetValue(value), path + "." + field.Name, seen, found);
            }
        }
    }
}

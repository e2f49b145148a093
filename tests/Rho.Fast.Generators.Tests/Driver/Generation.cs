using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Driver;

/// <summary>Builds compilations from source text and runs <see cref="TaggedUnionGenerator"/> over them in-process.</summary>
internal static class Generation
{
    /// <summary>The path given to a single-file input, so diagnostics can be traced back to it.</summary>
    public const string InputPath = "Input.cs";

    /// <summary>The usings every input starts with.</summary>
    public const string Prelude = "using System.Collections.Generic;\nusing Rho.Fast.Serialization;\n\n";

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>C# 12, the newest language Roslyn 4.8 (the generator's floor) knows.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static CSharpCompilation Compile(string source) => Compile((InputPath, source));

    public static CSharpCompilation Compile(params (string Path, string Text)[] files) =>
        CSharpCompilation.Create(
            "Input",
            files.Select(f => Parse(f.Path, f.Text)),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static SyntaxTree Parse(string path, string text) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new TaggedUnionGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GenerationResult Run(Compilation compilation)
    {
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorRunResult run = Assert.Single(driver.GetRunResult().Results);
        return new GenerationResult(run, output, diagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The shared framework (not the test's own dependencies, which include Roslyn and xunit) plus the runtime.
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Append(typeof(Wire).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

/// <summary>One run of the generator: its result, the compilation with the generated trees added, and what it reported.</summary>
internal sealed record GenerationResult(GeneratorRunResult Run, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    private ImmutableArray<Diagnostic> _outputDiagnostics;

    /// <summary>Everything the compiler reports for the output compilation, computed once.</summary>
    public ImmutableArray<Diagnostic> OutputDiagnostics =>
        _outputDiagnostics.IsDefault ? _outputDiagnostics = Output.GetDiagnostics() : _outputDiagnostics;

    /// <summary>The generator's warnings and errors, without its advice on valid input (RHOF016 is an Info).</summary>
    public ImmutableArray<Diagnostic> GeneratorProblems =>
        GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    public ImmutableArray<Diagnostic> OutputErrors =>
        OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

    /// <summary>Warnings the compiler reports inside generated files.</summary>
    public ImmutableArray<Diagnostic> GeneratedWarnings =>
        OutputDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Warning && Run.GeneratedSources.Any(s => s.SyntaxTree.FilePath == d.Location.SourceTree?.FilePath))
            .ToImmutableArray();

    public string[] HintNames => Run.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    public string SourceOf(string hintName) => Run.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();
}

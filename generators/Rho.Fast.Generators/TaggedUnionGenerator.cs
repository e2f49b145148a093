using Microsoft.CodeAnalysis;
using Rho.Fast.Generators.Emitting;
using Rho.Fast.Generators.Model;
using Rho.Fast.Generators.Parsing;

namespace Rho.Fast.Generators;

/// <summary>
/// Emits serde-compatible readers and writers for <c>[TaggedUnion]</c> unions and
/// <c>[WireRecord]</c> records. The pipeline carries only equatable models past the transform, so
/// an edit elsewhere in the compilation leaves every step cached.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TaggedUnionGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the union parsing step, for incrementality tests.</summary>
    public const string UnionStep = "ParseUnion";

    /// <summary>Tracking name of the record parsing step, for incrementality tests.</summary>
    public const string RecordStep = "ParseRecord";

    /// <summary>Tracking name of the enum parsing step, for incrementality tests.</summary>
    public const string EnumStep = "ParseEnum";

    /// <summary>Tracking name of the step that checks <c>JsonSerializerContext</c> types, for incrementality tests.</summary>
    public const string ContextStep = "CheckContext";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> unions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.TaggedUnionAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                transform: static (syntax, cancellationToken) => Parser.ParseUnion(syntax, cancellationToken))
            .WithTrackingName(UnionStep);

        IncrementalValuesProvider<ParseResult> records = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.WireRecordAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                transform: static (syntax, cancellationToken) => Parser.ParseRecord(syntax, cancellationToken))
            .WithTrackingName(RecordStep);

        IncrementalValuesProvider<ParseResult> enums = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.WireEnumAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.EnumDeclarationSyntax,
                transform: static (syntax, cancellationToken) => Parser.ParseEnum(syntax, cancellationToken))
            .WithTrackingName(EnumStep);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> contexts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ContextCheck.JsonSerializableAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: static (syntax, cancellationToken) => ContextCheck.Check(syntax, cancellationToken))
            .WithTrackingName(ContextStep);

        context.RegisterSourceOutput(contexts, static (output, diagnostics) =>
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
        context.RegisterSourceOutput(unions, static (output, result) => Produce(output, result));
        context.RegisterSourceOutput(enums, static (output, result) => Produce(output, result));
        context.RegisterSourceOutput(records, static (output, result) => Produce(output, result));
    }

    private static void Produce(SourceProductionContext output, ParseResult result)
    {
        foreach (DiagnosticInfo diagnostic in result.Diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (result.Model is not null)
        {
            output.AddSource(result.Model.HintName, Emitter.Emit(result.Model));
        }
    }
}

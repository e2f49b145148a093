using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Rho.Fast.Generators.Model;

/// <summary>
/// A diagnostic held as plain values (no syntax tree), so it can travel through the incremental
/// pipeline and be rebuilt at output time.
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        FileLinePositionSpan lines = location?.GetLineSpan() ?? default;
        return new DiagnosticInfo(
            descriptor.Id,
            lines.Path ?? "",
            location?.SourceSpan ?? default,
            lines.Span,
            arguments.ToEquatableArray());
    }

    public Diagnostic ToDiagnostic()
    {
        Location location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
        return Diagnostic.Create(Diagnostics.Find(Id), location, System.Linq.Enumerable.ToArray<object>(Arguments));
    }
}

/// <summary>What the parser makes of one attributed type: a model to emit, or the reasons it cannot be.</summary>
internal sealed record ParseResult(WireTypeModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

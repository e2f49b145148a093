using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Parsing;

/// <summary>
/// Finds unions listed on a <c>JsonSerializerContext</c> of the same compilation. System.Text.Json's
/// generator runs beside this one and cannot see the <c>[JsonConverter]</c> added to a union, so it
/// would treat the abstract union as a plain type and write <c>{}</c>.
/// </summary>
internal static class ContextCheck
{
    public const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";
    private const string JsonConverterAttribute = "System.Text.Json.Serialization.JsonConverterAttribute";

    public static EquatableArray<DiagnosticInfo> Check(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        IAssemblySymbol assembly = context.SemanticModel.Compilation.Assembly;
        foreach (AttributeData attribute in context.Attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not ITypeSymbol listed)
            {
                continue;
            }

            var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (INamedTypeSymbol union in Unions(listed, assembly, seen))
            {
                Location? location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ContextCannotSeeConverter, location, union.Name, context.TargetSymbol.Name));
            }
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>The unions of <paramref name="assembly"/>, without a converter of their own, that <paramref name="type"/> is or holds (as an array element or type argument).</summary>
    private static IEnumerable<INamedTypeSymbol> Unions(ITypeSymbol type, IAssemblySymbol assembly, HashSet<ITypeSymbol> seen)
    {
        if (!seen.Add(type))
        {
            yield break;
        }

        if (type is IArrayTypeSymbol array)
        {
            foreach (INamedTypeSymbol union in Unions(array.ElementType, assembly, seen))
            {
                yield return union;
            }

            yield break;
        }

        if (type is not INamedTypeSymbol named)
        {
            yield break;
        }

        if (SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, assembly) && IsUnionWithoutOwnConverter(named))
        {
            yield return named;
        }

        foreach (ITypeSymbol argument in named.TypeArguments)
        {
            foreach (INamedTypeSymbol union in Unions(argument, assembly, seen))
            {
                yield return union;
            }
        }
    }

    private static bool IsUnionWithoutOwnConverter(INamedTypeSymbol type)
    {
        bool union = false;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            string? name = attribute.AttributeClass?.ToDisplayString();
            if (name == JsonConverterAttribute)
            {
                return false;
            }

            union |= name == Parser.TaggedUnionAttribute;
        }

        return union;
    }
}

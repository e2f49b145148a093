using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Parsing;

/// <summary>
/// Finds unions and wire records that a <c>JsonSerializerContext</c> of the same compilation would
/// serialize. System.Text.Json's generator runs beside this one and cannot see the
/// <c>[JsonConverter]</c> added to them, so it would write an abstract union as <c>{}</c> and a
/// record by its C# property names, neither of them serde's bytes.
/// </summary>
internal static class ContextCheck
{
    public const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";
    private const string JsonConverterAttribute = "System.Text.Json.Serialization.JsonConverterAttribute";
    private const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    private const string JsonIncludeAttribute = "System.Text.Json.Serialization.JsonIncludeAttribute";

    // System.Text.Json.Serialization.JsonIgnoreCondition.Always: the member is never serialized.
    private const int IgnoreAlways = 1;

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

            var found = new List<(INamedTypeSymbol Type, bool IsUnion)>();
            Collect(listed, assembly, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), found, cancellationToken);
            foreach ((INamedTypeSymbol type, bool isUnion) in found)
            {
                Location? location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
                string written = isUnion ? "the union as an empty object" : "the record with its C# property names rather than serde's fields";
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ContextCannotSeeConverter, location, type.Name, context.TargetSymbol.Name, written));
            }
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>
    /// Adds to <paramref name="found"/> the unions and wire records of <paramref name="assembly"/>,
    /// without a converter of their own, that System.Text.Json would reach from <paramref name="type"/>:
    /// the type itself, array elements, type arguments, and the serialized members of the
    /// assembly's other types.
    /// </summary>
    private static void Collect(ITypeSymbol type, IAssemblySymbol assembly, HashSet<ITypeSymbol> seen, List<(INamedTypeSymbol, bool)> found, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!seen.Add(type))
        {
            return;
        }

        if (type is IArrayTypeSymbol array)
        {
            Collect(array.ElementType, assembly, seen, found, cancellationToken);
            return;
        }

        if (type is not INamedTypeSymbol named)
        {
            return;
        }

        foreach (ITypeSymbol argument in named.TypeArguments)
        {
            Collect(argument, assembly, seen, found, cancellationToken);
        }

        // A type of another assembly was compiled with its converter attribute, or holds none of this one's types.
        if (!SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, assembly) || named.TypeKind == TypeKind.Enum || HasAttribute(named, JsonConverterAttribute))
        {
            return;
        }

        bool union = HasAttribute(named, Parser.TaggedUnionAttribute);
        if (union || HasAttribute(named, Parser.WireRecordAttribute))
        {
            found.Add((named, union));
            return;
        }

        // A plain type of this assembly: System.Text.Json writes its public properties (and fields it is told to include).
        for (INamedTypeSymbol? t = named; t is not null && SymbolEqualityComparer.Default.Equals(t.ContainingAssembly, assembly); t = t.BaseType)
        {
            foreach (ISymbol member in t.GetMembers())
            {
                ITypeSymbol? memberType = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property => property.Type,
                    IFieldSymbol { IsStatic: false, DeclaredAccessibility: Accessibility.Public } field when HasAttribute(field, JsonIncludeAttribute) => field.Type,
                    _ => null,
                };
                // A converter named on the member serves it instead of the type's metadata.
                if (memberType is not null && !IsAlwaysIgnored(member) && !HasAttribute(member, JsonConverterAttribute))
                {
                    Collect(memberType, assembly, seen, found, cancellationToken);
                }
            }
        }
    }

    private static bool IsAlwaysIgnored(ISymbol member)
    {
        foreach (AttributeData attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != JsonIgnoreAttribute)
            {
                continue;
            }

            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                if (argument.Key == "Condition" && argument.Value.Value is int condition)
                {
                    return condition == IgnoreAlways;
                }
            }

            return true;
        }

        return false;
    }

    private static bool HasAttribute(ISymbol symbol, string fullName)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == fullName)
            {
                return true;
            }
        }

        return false;
    }
}

using Microsoft.CodeAnalysis;

namespace Rho.Fast.Generators;

/// <summary>Every diagnostic the generator reports, in one place.</summary>
internal static class Diagnostics
{
    private const string Category = "Rho.Fast.Serialization";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "RHOF001", "Type must be partial",
        "'{0}' must be declared partial so the serializer can be generated into it");

    public static readonly DiagnosticDescriptor UnionNotAbstractRecord = Error(
        "RHOF002", "Tagged union must be an abstract record",
        "'{0}' is marked [TaggedUnion] but is not an abstract record; declare it 'abstract partial record {0}'");

    public static readonly DiagnosticDescriptor NoCases = Error(
        "RHOF003", "Tagged union has no cases",
        "'{0}' has no cases; nest at least one 'sealed record' deriving from it");

    public static readonly DiagnosticDescriptor DuplicateCaseName = Error(
        "RHOF004", "Two cases share one wire name",
        "Cases '{1}' and '{2}' of '{0}' both have the wire name '{3}'; rename one with [WireCase(Name = ...)]");

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Error(
        "RHOF005", "Member type cannot be serialized",
        "Member '{1}' of '{0}' has type '{2}', which cannot be serialized; use string, bool, an integer type, double, RawJson, a [TaggedUnion] or [WireRecord] type, or an array or list of those");

    public static readonly DiagnosticDescriptor TagCollides = Error(
        "RHOF006", "Tag key equals a field name",
        "The key '{1}' of '{0}' is also a field of case '{2}'; serde could not tell them apart, so choose another tag or rename the field");

    public static readonly DiagnosticDescriptor CaseNotSealed = Error(
        "RHOF007", "Case must be sealed",
        "Case '{1}' of '{0}' must be sealed: a type derived from it would be written as '{1}' and read back as '{1}'");

    public static readonly DiagnosticDescriptor NotRecord = Error(
        "RHOF008", "Wire record must be a positional record",
        "'{0}' is marked [WireRecord] but is not a record with a primary constructor; declare it 'partial record {0}(...)'");

    public static readonly DiagnosticDescriptor ContentWithoutTag = Error(
        "RHOF009", "Content key without a tag key",
        "'{0}' sets Content but not Tag; adjacent tagging needs both, internal tagging only Tag");

    public static readonly DiagnosticDescriptor InternalNewtypeNotRecord = Error(
        "RHOF010", "Internally tagged newtype case must hold a record",
        "Case '{1}' of internally tagged '{0}' holds '{2}', which is not always written as a JSON object; the tag must be merged into an object, so use a non-nullable [WireRecord] payload or a struct case");

    public static readonly DiagnosticDescriptor Generic = Error(
        "RHOF011", "Generic types are not supported",
        "'{0}' is generic or nested in a generic type; tagged unions and wire records must not have type parameters");

    public static readonly DiagnosticDescriptor ShapeMismatch = Error(
        "RHOF012", "Case shape does not fit its members",
        "Case '{1}' of '{0}' is declared {2} but has {3} member(s); a unit case has none and a newtype case exactly one");

    public static readonly DiagnosticDescriptor DuplicateFieldName = Error(
        "RHOF013", "Two fields share one wire name",
        "Members '{1}' and '{2}' of '{0}' both have the wire name '{3}'; rename one with [WireName(...)]");

    public static readonly DiagnosticDescriptor ReservedName = Error(
        "RHOF014", "Name reserved for generated code",
        "'{1}' in '{0}' has a name the generated serializer uses ({1}); rename it");

    private static readonly DiagnosticDescriptor[] s_all =
    {
        NotPartial, UnionNotAbstractRecord, NoCases, DuplicateCaseName, UnsupportedMemberType, TagCollides,
        CaseNotSealed, NotRecord, ContentWithoutTag, InternalNewtypeNotRecord, Generic, ShapeMismatch, DuplicateFieldName,
        ReservedName,
    };

    public static DiagnosticDescriptor Find(string id)
    {
        foreach (DiagnosticDescriptor descriptor in s_all)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        throw new System.ArgumentException("Unknown diagnostic " + id, nameof(id));
    }

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}

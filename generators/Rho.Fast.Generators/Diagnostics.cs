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

    public static readonly DiagnosticDescriptor AmbiguousRecordShape = Error(
        "RHOF015", "One-member record needs an explicit shape",
        "'{0}' has one member, which serde writes as {{\"{1}\":value}} for a struct with a named field but as the bare value for a newtype or transparent struct; say [WireRecord(Shape = RecordShape.Object)] or [WireRecord(Shape = RecordShape.Transparent)]");

    public static readonly DiagnosticDescriptor AmbiguousCaseShape = new(
        "RHOF016", "One-member case without an explicit shape",
        "Case '{1}' of '{0}' has one member and is read as a newtype case, its payload the member's value alone; serde's one-field struct variant puts the value in an object under \"{2}\"; say [WireCase(Shape = CaseShape.Newtype)] or [WireCase(Shape = CaseShape.Struct)]",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BadFlatten = Error(
        "RHOF017", "Flattened member is not a record or a catch-all map",
        "Member '{1}' of '{0}' is [WireFlatten] but is neither a non-nullable object-shaped [WireRecord] nor a map of string to JsonValue; only those can be merged into the parent object");

    public static readonly DiagnosticDescriptor TwoCatchAlls = Error(
        "RHOF018", "Two catch-alls",
        "'{0}' has two catch-alls ('{1}' and '{2}'); unknown keys or case names can go to only one");

    public static readonly DiagnosticDescriptor AliasCollides = Error(
        "RHOF019", "Alias equals another name",
        "The alias '{2}' of '{1}' in '{0}' is already the name or alias of another field or case; the reader could not tell them apart");

    public static readonly DiagnosticDescriptor BadSkip = Error(
        "RHOF020", "Skip condition cannot hold",
        "Member '{1}' of '{0}' is [WireSkip({2})] but its type '{3}' is never null or never empty; make it nullable or a list or map, or remove the attribute");

    public static readonly DiagnosticDescriptor BadOther = Error(
        "RHOF021", "Catch-all case has the wrong shape",
        "Case '{1}' of '{0}' is [WireOther] but is neither a unit case nor a case with one RawJson member, or the union is untagged (which has no case names)");

    public static readonly DiagnosticDescriptor BadRecordShape = Error(
        "RHOF022", "Record shape does not fit its members",
        "'{0}' is declared {1} but has {2} member(s); a transparent record has exactly one and a unit record none");

    public static readonly DiagnosticDescriptor BadDefault = Error(
        "RHOF023", "Default value does not fit the member",
        "The default of member '{1}' of '{0}' is not a constant of its type '{2}'");

    public static readonly DiagnosticDescriptor DenyWithFlatten = Error(
        "RHOF024", "Unknown fields denied with a flattened member",
        "'{0}' denies unknown fields and has a flattened member; serde does not support the two together");

    public static readonly DiagnosticDescriptor InternalTuple = Error(
        "RHOF025", "Internally tagged case cannot be a tuple",
        "Case '{1}' of '{0}' is a tuple case, but an internally tagged union has no place for an array beside its tag; serde rejects tuple variants with `tag` too");

    public static readonly DiagnosticDescriptor ContextCannotSeeConverter = Error(
        "RHOF026", "JsonSerializerContext in the same project cannot see the generated converter",
        "'{0}' is serialized by the JsonSerializerContext '{1}' in the same project, whose generator cannot see the converter generated for '{0}', so it would write {2}; declare the context in another project, or write a converter class (deriving from JsonConverter<{0}> and delegating to {0}.WireJsonConverter) and name it in [JsonConverter] on '{0}'");

    private static readonly DiagnosticDescriptor[] s_all =
    {
        NotPartial, UnionNotAbstractRecord, NoCases, DuplicateCaseName, UnsupportedMemberType, TagCollides,
        CaseNotSealed, NotRecord, ContentWithoutTag, InternalNewtypeNotRecord, Generic, ShapeMismatch, DuplicateFieldName,
        ReservedName, AmbiguousRecordShape, AmbiguousCaseShape, BadFlatten, TwoCatchAlls, AliasCollides, BadSkip, BadOther,
        BadRecordShape, BadDefault, DenyWithFlatten, InternalTuple, ContextCannotSeeConverter,
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

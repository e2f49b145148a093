using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Rho.Fast.Generators.Model;

namespace Rho.Fast.Generators.Parsing;

/// <summary>
/// Turns an attributed type symbol into a <see cref="WireTypeModel"/> and diagnostics. Runs inside
/// the pipeline's transform; nothing it returns refers to a symbol or syntax node.
/// </summary>
internal sealed class Parser
{
    public const string SerializationNamespace = "Rho.Fast.Serialization";
    public const string TaggedUnionAttribute = SerializationNamespace + ".TaggedUnionAttribute";
    public const string WireRecordAttribute = SerializationNamespace + ".WireRecordAttribute";
    private const string WireCaseAttribute = SerializationNamespace + ".WireCaseAttribute";
    private const string WireNameAttribute = SerializationNamespace + ".WireNameAttribute";
    public const string WireEnumAttribute = SerializationNamespace + ".WireEnumAttribute";
    private const string WireAliasAttribute = SerializationNamespace + ".WireAliasAttribute";
    private const string WireSkipAttribute = SerializationNamespace + ".WireSkipAttribute";
    private const string WireDefaultAttribute = SerializationNamespace + ".WireDefaultAttribute";
    private const string WireFlattenAttribute = SerializationNamespace + ".WireFlattenAttribute";
    private const string WireOtherAttribute = SerializationNamespace + ".WireOtherAttribute";
    private const string JsonValueType = SerializationNamespace + ".JsonValue";
    private const string RawJsonType = SerializationNamespace + ".RawJson";
    private const string WireSerializableInterface = SerializationNamespace + ".IWireSerializable`1";

    private static readonly SymbolDisplayFormat s_fullName = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(
            SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly List<DiagnosticInfo> _diagnostics = new();

    public static ParseResult ParseUnion(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        new Parser().Parse(context, isUnion: true, cancellationToken);

    public static ParseResult ParseRecord(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        new Parser().Parse(context, isUnion: false, cancellationToken);

    public static ParseResult ParseEnum(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        new Parser().ParseEnumType(context, cancellationToken);

    private ParseResult ParseEnumType(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        Location location = type.Locations.FirstOrDefault() ?? Location.None;
        int renameAll = NamedInt(context.Attributes[0], "RenameAll", NameRules.None);
        var containing = new List<string>();
        for (INamedTypeSymbol? t = type.ContainingType; t is not null; t = t.ContainingType)
        {
            if (t.TypeParameters.Length > 0)
            {
                Report(Diagnostics.Generic, location, type.Name);
            }

            if (!IsPartial(t))
            {
                Report(Diagnostics.NotPartial, t.Locations.FirstOrDefault(), t.Name);
            }

            containing.Insert(0, "partial " + Keyword(t) + " " + Identifier(t.Name));
        }

        string fullName = type.ToDisplayString(s_fullName);
        var cases = ImmutableArray.CreateBuilder<CaseModel>();
        var names = new HashSet<string>();
        string? otherCase = null;
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IFieldSymbol { HasConstantValue: true } field)
            {
                continue;
            }

            Location memberLocation = field.Locations.FirstOrDefault() ?? location;
            string wireName = FindAttribute(field, WireNameAttribute)?.ConstructorArguments.FirstOrDefault().Value as string ?? NameRules.Apply(renameAll, field.Name);
            ImmutableArray<string> aliases = Aliases(field);
            OtherKind other = FindAttribute(field, WireOtherAttribute) is null ? OtherKind.None : OtherKind.Unit;
            if (other != OtherKind.None)
            {
                if (otherCase is not null)
                {
                    Report(Diagnostics.TwoCatchAlls, memberLocation, type.Name, otherCase, field.Name);
                }

                otherCase ??= field.Name;
            }

            if (!names.Add(wireName))
            {
                Report(Diagnostics.DuplicateCaseName, memberLocation, type.Name, wireName, field.Name, wireName);
            }

            foreach (string alias in aliases)
            {
                if (!names.Add(alias))
                {
                    Report(Diagnostics.AliasCollides, memberLocation, type.Name, field.Name, alias);
                }
            }

            cases.Add(new CaseModel(Identifier(field.Name), fullName + "." + Identifier(field.Name), wireName, Shape.Unit, EquatableArray<MemberModel>.Empty, new EquatableArray<string>(aliases), other));
        }

        if (cases.Count == 0)
        {
            Report(Diagnostics.NoCases, location, type.Name);
        }

        var model = new WireTypeModel(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            containing.ToEquatableArray(),
            Identifier(type.Name),
            fullName,
            fullName.Replace("global::", "").Replace("@", "") + ".g.cs",
            Representation.Enum,
            null,
            null,
            new EquatableArray<CaseModel>(cases.ToImmutable()),
            EquatableArray<MemberModel>.Empty,
            false,
            true);
        return new ParseResult(_diagnostics.Count == 0 ? model : null, _diagnostics.ToEquatableArray());
    }

    private ParseResult Parse(GeneratorAttributeSyntaxContext context, bool isUnion, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        if (!IsFirstAttributedDeclaration(type, declaration, context.Attributes[0].AttributeClass, cancellationToken))
        {
            // The attribute given twice on partial declarations: the compiler reports it; emit once.
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        Location location = declaration.Identifier.GetLocation();
        AttributeData attribute = context.Attributes[0];

        WireTypeModel? model = Check(type, location, isUnion) ? Build(type, attribute, location, isUnion, cancellationToken) : null;
        return new ParseResult(_diagnostics.Any(d => Diagnostics.Find(d.Id).DefaultSeverity == DiagnosticSeverity.Error) ? null : model, _diagnostics.ToEquatableArray());
    }

    private bool Check(INamedTypeSymbol type, Location location, bool isUnion)
    {
        bool ok = true;
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.TypeParameters.Length > 0)
            {
                Report(Diagnostics.Generic, location, type.Name);
                ok = false;
                break;
            }
        }

        if (isUnion && (!type.IsRecord || !type.IsAbstract || type.TypeKind != TypeKind.Class))
        {
            Report(Diagnostics.UnionNotAbstractRecord, location, type.Name);
            ok = false;
        }

        if (!isUnion && (!type.IsRecord || type.TypeKind != TypeKind.Class || FindPrimaryConstructor(type) is null))
        {
            Report(Diagnostics.NotRecord, location, type.Name);
            ok = false;
        }

        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (!IsPartial(t))
            {
                Report(Diagnostics.NotPartial, SymbolEqualityComparer.Default.Equals(t, type) ? location : t.Locations.FirstOrDefault(), t.Name);
                ok = false;
            }
        }

        return ok;
    }

    private WireTypeModel? Build(INamedTypeSymbol type, AttributeData attribute, Location location, bool isUnion, CancellationToken cancellationToken)
    {
        string? tag = NamedString(attribute, "Tag");
        string? content = NamedString(attribute, "Content");
        int renameAll = NamedInt(attribute, "RenameAll", NameRules.None);
        int renameFields = NamedInt(attribute, "RenameAllFields", NameRules.SnakeCase);

        bool untagged = isUnion && NamedBool(attribute, "Untagged");
        Representation representation = !isUnion ? Representation.Record
            : untagged ? Representation.Untagged
            : tag is null ? Representation.External
            : content is null ? Representation.Internal
            : Representation.Adjacent;
        if (isUnion && tag is null && content is not null)
        {
            Report(Diagnostics.ContentWithoutTag, location, type.Name);
        }

        if (representation == Representation.Adjacent && tag == content)
        {
            Report(Diagnostics.TagCollides, location, type.Name, tag!, "(content key)");
        }

        ImmutableArray<CaseModel> cases = ImmutableArray<CaseModel>.Empty;
        ImmutableArray<MemberModel> fields = ImmutableArray<MemberModel>.Empty;
        if (isUnion)
        {
            cases = BuildCases(type, location, representation, tag, renameAll, renameFields, cancellationToken);
        }
        else
        {
            fields = BuildMembers(type, FindPrimaryConstructor(type)!, renameFields);
        }

        RecordLayout layout = RecordLayout.Object;
        bool deny = false;
        if (!isUnion)
        {
            int declared = NamedInt(attribute, "Shape", 0);
            deny = NamedBool(attribute, "DenyUnknownFields");
            layout = declared switch
            {
                2 => RecordLayout.Transparent,
                3 => RecordLayout.Tuple,
                4 => RecordLayout.Unit,
                _ => RecordLayout.Object,
            };
            if ((layout == RecordLayout.Transparent && fields.Length != 1) || (layout == RecordLayout.Unit && fields.Length != 0))
            {
                Report(Diagnostics.BadRecordShape, location, type.Name, layout.ToString().ToLowerInvariant(), fields.Length.ToString());
            }

            // C# has one spelling for serde's `struct S { x: T }` and `struct S(T)`, which differ on
            // the wire; a flattened member can only mean the object.
            if (declared == 0 && fields.Length == 1 && FindPrimaryConstructor(type)!.Parameters.Length == 1 && fields[0].Flatten == FlattenKind.None)
            {
                Report(Diagnostics.AmbiguousRecordShape, location, type.Name, fields[0].WireName);
            }

            bool flattens = false;
            foreach (MemberModel field in fields)
            {
                flattens |= field.Flatten != FlattenKind.None;
            }

            CheckCatchAlls(type.Name, fields, location);

            if (deny && flattens)
            {
                Report(Diagnostics.DenyWithFlatten, location, type.Name);
            }

            CheckAliases(type.Name, fields, location);
        }

        var containing = new List<string>();
        for (INamedTypeSymbol? t = type.ContainingType; t is not null; t = t.ContainingType)
        {
            containing.Insert(0, "partial " + Keyword(t) + " " + Identifier(t.Name));
        }

        foreach (MemberModel field in fields)
        {
            CheckReserved(type.Name, field.Name.TrimStart('@'), location);
        }

        string fullName = type.ToDisplayString(s_fullName);
        string hintName = fullName.Replace("global::", "").Replace("@", "") + ".g.cs";
        bool hidesInherited = type.BaseType is { } baseType && IsWireType(baseType);
        bool declaresConverter = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonConverterAttribute");
        return new WireTypeModel(
            type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            containing.ToEquatableArray(),
            Identifier(type.Name),
            fullName,
            hintName,
            representation,
            tag,
            content,
            new EquatableArray<CaseModel>(cases),
            new EquatableArray<MemberModel>(fields),
            hidesInherited,
            declaresConverter,
            layout,
            deny);
    }

    /// <summary>Reports a second catch-all map, counting those of records flattened in, at any depth: unknown keys can go to one only.</summary>
    private void CheckCatchAlls(string owner, ImmutableArray<MemberModel> fields, Location location)
    {
        var catchAlls = new List<string>();
        void Collect(IEnumerable<MemberModel> members)
        {
            foreach (MemberModel member in members)
            {
                if (member.Flatten == FlattenKind.Map)
                {
                    catchAlls.Add(member.Name);
                }
                else if (member.Flatten == FlattenKind.Record)
                {
                    Collect(member.Inner);
                }
            }
        }

        Collect(fields);
        for (int i = 1; i < catchAlls.Count; i++)
        {
            Report(Diagnostics.TwoCatchAlls, location, owner, catchAlls[0], catchAlls[i]);
        }
    }

    private void CheckAliases(string owner, ImmutableArray<MemberModel> fields, Location location)
    {
        // The keys on the wire: a flattened record's fields, at any depth, sit beside this record's own.
        var seen = new HashSet<string>();
        void Add(IEnumerable<MemberModel> members)
        {
            foreach (MemberModel member in members)
            {
                if (member.Flatten == FlattenKind.Record)
                {
                    Add(member.Inner);
                }
                else if (member.Flatten == FlattenKind.None)
                {
                    seen.Add(member.WireName);
                }
            }
        }

        Add(fields);

        foreach (MemberModel field in fields)
        {
            foreach (string alias in field.Aliases)
            {
                if (!seen.Add(alias))
                {
                    Report(Diagnostics.AliasCollides, location, owner, field.Name, alias);
                }
            }
        }
    }

    private ImmutableArray<CaseModel> BuildCases(
        INamedTypeSymbol union, Location location, Representation representation, string? tag, int renameAll, int renameFields, CancellationToken cancellationToken)
    {
        var cases = ImmutableArray.CreateBuilder<CaseModel>();
        var byWireName = new Dictionary<string, string>();
        var aliasNames = new HashSet<string>();
        string? otherCase = null;
        foreach (INamedTypeSymbol nested in union.GetTypeMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!nested.IsRecord || !SymbolEqualityComparer.Default.Equals(nested.BaseType, union))
            {
                continue;
            }

            Location caseLocation = nested.Locations.FirstOrDefault() ?? location;
            if (!nested.IsSealed)
            {
                Report(Diagnostics.CaseNotSealed, caseLocation, union.Name, nested.Name);
                continue;
            }

            CheckReserved(union.Name, nested.Name, caseLocation);
            AttributeData? caseAttribute = FindAttribute(nested, WireCaseAttribute);
            string wireName = (caseAttribute is null ? null : NamedString(caseAttribute, "Name")) ?? NameRules.Apply(renameAll, nested.Name);
            int declaredShape = caseAttribute is null ? 0 : NamedInt(caseAttribute, "Shape", 0);

            IMethodSymbol? constructor = FindPrimaryConstructor(nested);
            ImmutableArray<MemberModel> members = constructor is null
                ? ImmutableArray<MemberModel>.Empty
                : BuildMembers(nested, constructor, renameFields);

            // A catch-all holding one RawJson keeps whole unknown values; it has no payload shape of its own.
            bool rawOther = FindAttribute(nested, WireOtherAttribute) is not null && declaredShape is 0 or 2
                && members.Length == 1 && members[0].Type.Kind == ValueKind.Raw && !members[0].Type.IsOptional;
            Shape shape = rawOther ? Shape.Newtype : declaredShape switch
            {
                1 => Shape.Unit,
                2 => Shape.Newtype,
                3 => Shape.Struct,
                4 => Shape.Tuple,
                _ => members.Length switch
                {
                    0 => Shape.Unit,

                    // Internally tagged, a single member can be a newtype only if it is an object the
                    // tag can join; otherwise the member is the case's one field.
                    1 when representation == Representation.Internal && !IsWireRecord(constructor!.Parameters[0].Type) => Shape.Struct,
                    1 => Shape.Newtype,
                    _ => Shape.Struct,
                },
            };
            // One member is serde's newtype variant by default; its one-field struct variant differs on the wire.
            if (declaredShape == 0 && !rawOther && shape == Shape.Newtype && members.Length == 1)
            {
                Report(Diagnostics.AmbiguousCaseShape, caseLocation, union.Name, nested.Name, members[0].WireName);
            }

            if ((shape == Shape.Unit && members.Length != 0) || (shape == Shape.Newtype && members.Length != 1))
            {
                Report(Diagnostics.ShapeMismatch, caseLocation, union.Name, nested.Name, shape.ToString().ToLowerInvariant(), members.Length.ToString());
            }

            if (shape == Shape.Tuple && representation == Representation.Internal)
            {
                Report(Diagnostics.InternalTuple, caseLocation, union.Name, nested.Name);
            }

            if (byWireName.TryGetValue(wireName, out string? other))
            {
                Report(Diagnostics.DuplicateCaseName, caseLocation, union.Name, other, nested.Name, wireName);
            }
            else
            {
                byWireName.Add(wireName, nested.Name);
            }

            if (representation == Representation.Internal && tag is not null)
            {
                if (shape == Shape.Struct)
                {
                    foreach (MemberModel member in members)
                    {
                        if (member.WireName == tag)
                        {
                            Report(Diagnostics.TagCollides, caseLocation, union.Name, tag, nested.Name);
                        }
                    }
                }
                else if (shape == Shape.Newtype && members.Length == 1 && FindAttribute(nested, WireOtherAttribute) is null
                    && (!IsWireRecord(constructor!.Parameters[0].Type) || members[0].Type.IsOptional))
                {
                    Report(Diagnostics.InternalNewtypeNotRecord, caseLocation, union.Name, nested.Name, constructor.Parameters[0].Type.ToDisplayString());
                }
            }

            OtherKind otherKind = OtherKind.None;
            if (FindAttribute(nested, WireOtherAttribute) is not null)
            {
                otherKind = rawOther ? OtherKind.Raw : shape == Shape.Unit ? OtherKind.Unit : OtherKind.None;
                if (otherKind == OtherKind.None || representation == Representation.Untagged)
                {
                    Report(Diagnostics.BadOther, caseLocation, union.Name, nested.Name);
                }
                else if (otherCase is not null)
                {
                    Report(Diagnostics.TwoCatchAlls, caseLocation, union.Name, otherCase, nested.Name);
                }

                otherCase ??= nested.Name;
            }

            ImmutableArray<string> aliases = Aliases(nested);
            foreach (string alias in aliases)
            {
                if (byWireName.ContainsKey(alias) || aliasNames.Contains(alias) || alias == wireName)
                {
                    Report(Diagnostics.AliasCollides, caseLocation, union.Name, nested.Name, alias);
                }

                aliasNames.Add(alias);
            }

            cases.Add(new CaseModel(Identifier(nested.Name), nested.ToDisplayString(s_fullName), wireName, shape, new EquatableArray<MemberModel>(members), new EquatableArray<string>(aliases), otherKind));
        }

        if (cases.Count == 0 && !_diagnostics.Any(d => d.Id == Diagnostics.CaseNotSealed.Id))
        {
            Report(Diagnostics.NoCases, location, union.Name);
        }

        return cases.ToImmutable();
    }

    private ImmutableArray<MemberModel> BuildMembers(INamedTypeSymbol owner, IMethodSymbol constructor, int renameFields)
    {
        var members = ImmutableArray.CreateBuilder<MemberModel>();
        var byWireName = new Dictionary<string, string>();
        foreach (IParameterSymbol parameter in constructor.Parameters)
        {
            IPropertySymbol? property = owner.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
            Location memberLocation = parameter.Locations.FirstOrDefault() ?? Location.None;
            AttributeData? nameAttribute = FindAttribute(parameter, WireNameAttribute) ?? (property is null ? null : FindAttribute(property, WireNameAttribute));
            string wireName = nameAttribute?.ConstructorArguments.FirstOrDefault().Value as string ?? NameRules.Apply(renameFields, parameter.Name);

            TypeModel? type = MapType(parameter.Type);
            if (type is null)
            {
                Report(Diagnostics.UnsupportedMemberType, memberLocation, owner.Name, parameter.Name, parameter.Type.ToDisplayString());
                continue;
            }

            if (byWireName.TryGetValue(wireName, out string? other))
            {
                Report(Diagnostics.DuplicateFieldName, memberLocation, owner.Name, other, parameter.Name, wireName);
            }
            else
            {
                byWireName.Add(wireName, parameter.Name);
            }

            ISymbol[] carriers = property is null ? new ISymbol[] { parameter } : new ISymbol[] { parameter, property };
            ImmutableArray<string> aliases = ImmutableArray<string>.Empty;
            int skip = 0;
            string? defaultValue = null;
            FlattenKind flatten = FlattenKind.None;
            ImmutableArray<MemberModel> inner = ImmutableArray<MemberModel>.Empty;
            foreach (ISymbol carrier in carriers)
            {
                if (Aliases(carrier) is { Length: > 0 } found)
                {
                    aliases = found;
                }

                if (FindAttribute(carrier, WireSkipAttribute) is { } skipAttribute)
                {
                    int when = skipAttribute.ConstructorArguments.FirstOrDefault().Value is int w ? w : 0;
                    skip = when + 1;
                    bool canHold = when == 0 ? type.IsOptional : type.IsOptional || type.Kind is ValueKind.List or ValueKind.Map;
                    if (!canHold || (when == 1 && type.Kind is not (ValueKind.List or ValueKind.Map)) || type.ListKind == ListKind.Enumerable)
                    {
                        Report(Diagnostics.BadSkip, memberLocation, owner.Name, parameter.Name, when == 0 ? "SkipWhen.Null" : "SkipWhen.Empty", parameter.Type.ToDisplayString());
                    }
                }

                if (FindAttribute(carrier, WireDefaultAttribute) is { } defaultAttribute)
                {
                    defaultValue = DefaultExpression(type, defaultAttribute);
                    if (defaultValue is null)
                    {
                        Report(Diagnostics.BadDefault, memberLocation, owner.Name, parameter.Name, parameter.Type.ToDisplayString());
                    }
                }

                if (FindAttribute(carrier, WireFlattenAttribute) is not null)
                {
                    if (type.Kind == ValueKind.Map && type.Key!.Kind == ValueKind.String && type.Element!.Kind == ValueKind.Value && !type.IsOptional)
                    {
                        flatten = FlattenKind.Map;
                    }
                    else if (type.Kind == ValueKind.Wire && !type.IsOptional && parameter.Type is INamedTypeSymbol flatRecord
                        && FindAttribute(flatRecord, WireRecordAttribute) is { } flatAttribute && NamedInt(flatAttribute, "Shape", 0) is 0 or 1
                        && FindPrimaryConstructor(flatRecord) is { } flatConstructor)
                    {
                        flatten = FlattenKind.Record;
                        inner = BuildMembers(flatRecord, flatConstructor, NamedInt(flatAttribute, "RenameAllFields", NameRules.SnakeCase));
                    }
                    else
                    {
                        Report(Diagnostics.BadFlatten, memberLocation, owner.Name, parameter.Name);
                    }
                }
            }

            members.Add(new MemberModel(Identifier(property?.Name ?? parameter.Name), wireName, type, new EquatableArray<string>(aliases), skip, defaultValue, flatten, new EquatableArray<MemberModel>(inner)));
        }

        return members.ToImmutable();
    }

    private static ImmutableArray<string> Aliases(ISymbol symbol)
    {
        AttributeData? attribute = FindAttribute(symbol, WireAliasAttribute);
        if (attribute is null || attribute.ConstructorArguments.Length == 0)
        {
            return ImmutableArray<string>.Empty;
        }

        var names = ImmutableArray.CreateBuilder<string>();
        foreach (TypedConstant value in attribute.ConstructorArguments[0].Values)
        {
            if (value.Value is string name)
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }

    /// <summary>The C# expression a missing field reads as; null when the constant does not fit.</summary>
    private static string? DefaultExpression(TypeModel type, AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length == 1)
        {
            TypedConstant constant = attribute.ConstructorArguments[0];
            if (constant.IsNull)
            {
                return type.IsOptional ? "null" : null;
            }

            return constant.Value switch
            {
                string text when type.Kind == ValueKind.String => SymbolDisplay.FormatLiteral(text, quote: true),
                bool flag when type.Kind == ValueKind.Boolean => flag ? "true" : "false",
                int or long or uint or ulong or short or ushort or byte or sbyte or double or float when IsNumeric(type.Kind)
                    => "(" + type.FullName + ")(" + System.Convert.ToString(constant.Value, System.Globalization.CultureInfo.InvariantCulture) + ")",
                int member when type.Kind == ValueKind.Enum => "(" + type.FullName + ")" + member,
                _ => null,
            };
        }

        if (type.IsOptional)
        {
            return "null";
        }

        return type.Kind switch
        {
            ValueKind.String => "\"\"",
            ValueKind.List when type.ListKind is ListKind.Array or ListKind.ReadOnlyList => "global::System.Array.Empty<" + ElementName(type.Element!) + ">()",
            ValueKind.List => "new global::System.Collections.Generic.List<" + ElementName(type.Element!) + ">()",
            ValueKind.Map => type.Concrete,
            ValueKind.Wire or ValueKind.Raw or ValueKind.Value => null,
            _ => "default",
        };
    }

    private static string ElementName(TypeModel type) => type.IsOptional ? type.FullName + "?" : type.FullName;

    private static bool IsNumeric(ValueKind kind) => kind is ValueKind.SByte or ValueKind.Byte or ValueKind.Int16 or ValueKind.UInt16
        or ValueKind.Int32 or ValueKind.UInt32 or ValueKind.Int64 or ValueKind.UInt64 or ValueKind.Double or ValueKind.Single;

    private static bool NamedBool(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is bool value)
            {
                return value;
            }
        }

        return false;
    }

    private static readonly string[] s_reserved = { "ReadWire", "WriteWire", "WriteWireFields", "WireJsonConverter" };

    private void CheckReserved(string owner, string name, Location location)
    {
        if (System.Array.IndexOf(s_reserved, name) >= 0)
        {
            Report(Diagnostics.ReservedName, location, owner, name);
        }
    }

    private static bool IsFirstAttributedDeclaration(INamedTypeSymbol type, TypeDeclarationSyntax target, INamedTypeSymbol? attributeClass, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.Length < 2)
        {
            return true;
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration || declaration.AttributeLists.Count == 0)
            {
                continue;
            }

            if (declaration == target)
            {
                return true;
            }

            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (attribute.ApplicationSyntaxReference?.SyntaxTree == declaration.SyntaxTree
                    && declaration.Span.Contains(attribute.ApplicationSyntaxReference.Span)
                    && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    private static TypeModel? MapType(ITypeSymbol type)
    {
        bool optional = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            optional = true;
            type = nullable.TypeArguments[0];
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            optional = true;
        }

        string fullName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(s_fullName);
        ValueKind? primitive = type.SpecialType switch
        {
            SpecialType.System_String => ValueKind.String,
            SpecialType.System_Boolean => ValueKind.Boolean,
            SpecialType.System_SByte => ValueKind.SByte,
            SpecialType.System_Byte => ValueKind.Byte,
            SpecialType.System_Int16 => ValueKind.Int16,
            SpecialType.System_UInt16 => ValueKind.UInt16,
            SpecialType.System_Int32 => ValueKind.Int32,
            SpecialType.System_UInt32 => ValueKind.UInt32,
            SpecialType.System_Int64 => ValueKind.Int64,
            SpecialType.System_UInt64 => ValueKind.UInt64,
            SpecialType.System_Double => ValueKind.Double,
            SpecialType.System_Single => ValueKind.Single,
            SpecialType.System_Char => ValueKind.Char,
            _ => type.ToDisplayString() switch
            {
                "System.Int128" => ValueKind.Int128,
                "System.UInt128" => ValueKind.UInt128,
                "System.Text.Rune" => ValueKind.Rune,
                JsonValueType => ValueKind.Value,
                _ => null,
            },
        };
        if (primitive is ValueKind kind)
        {
            return new TypeModel(kind, fullName, optional, type.IsValueType, ListKind.None, null);
        }

        if (type.ToDisplayString() == RawJsonType)
        {
            return new TypeModel(ValueKind.Raw, fullName, optional, IsValueType: true, ListKind.None, null);
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            TypeModel? element = MapType(array.ElementType);
            return element is null ? null : new TypeModel(ValueKind.List, fullName, optional, false, ListKind.Array, element);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType && FindAttribute(enumType, WireEnumAttribute) is not null)
        {
            return new TypeModel(ValueKind.Enum, fullName, optional, IsValueType: true, ListKind.None, null);
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 2 } map)
        {
            string? concrete = map.OriginalDefinition.ToDisplayString() switch
            {
                "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>" or "System.Collections.Generic.Dictionary<TKey, TValue>" => "global::System.Collections.Generic.Dictionary",
                "System.Collections.Generic.SortedDictionary<TKey, TValue>" => "global::System.Collections.Generic.SortedDictionary",
                _ => null,
            };
            TypeModel? key = concrete is null ? null : MapType(map.TypeArguments[0]);
            TypeModel? value = concrete is null ? null : MapType(map.TypeArguments[1]);
            if (key is { IsOptional: false } && (key.Kind == ValueKind.String || IsInteger(key.Kind)) && value is not null)
            {
                string arguments = "<" + key.FullName + ", " + ElementName(value) + ">";

                // A sorted map's default string comparer is culture-aware ("a\0" equals "a"); serde's keys compare by bytes.
                string comparer = key.Kind == ValueKind.String && concrete!.EndsWith("SortedDictionary", System.StringComparison.Ordinal)
                    ? "global::Rho.Fast.Serialization.Utf8Order.Instance"
                    : "";
                return new TypeModel(ValueKind.Map, fullName, optional, false, ListKind.None, value, key, "new " + concrete + arguments + "(" + comparer + ")");
            }

            return null;
        }

        if (type is INamedTypeSymbol named)
        {
            if (named.IsGenericType && named.TypeArguments.Length == 1)
            {
                ListKind listKind = named.OriginalDefinition.ToDisplayString() switch
                {
                    "System.Collections.Generic.List<T>" => ListKind.List,
                    "System.Collections.Generic.IReadOnlyList<T>" => ListKind.ReadOnlyList,
                    "System.Collections.Generic.IList<T>" => ListKind.IndexedList,
                    "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IReadOnlyCollection<T>" or "System.Collections.Generic.ICollection<T>" => ListKind.Enumerable,
                    _ => ListKind.None,
                };
                if (listKind != ListKind.None)
                {
                    TypeModel? element = MapType(named.TypeArguments[0]);
                    return element is null ? null : new TypeModel(ValueKind.List, fullName, optional, false, listKind, element);
                }
            }

            if (IsWireType(named))
            {
                return new TypeModel(ValueKind.Wire, fullName, optional, named.IsValueType, ListKind.None, null);
            }
        }

        return null;
    }

    private static bool IsInteger(ValueKind kind) => kind is ValueKind.SByte or ValueKind.Byte or ValueKind.Int16 or ValueKind.UInt16
        or ValueKind.Int32 or ValueKind.UInt32 or ValueKind.Int64 or ValueKind.UInt64;

    private static bool IsWireType(INamedTypeSymbol type) =>
        FindAttribute(type, TaggedUnionAttribute) is not null
        || FindAttribute(type, WireRecordAttribute) is not null
        || type.AllInterfaces.Any(i => i.OriginalDefinition.MetadataName == "IWireSerializable`1"
            && i.OriginalDefinition.ContainingNamespace.ToDisplayString() == SerializationNamespace
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));

    private static bool IsWireRecord(ITypeSymbol type) =>
        type is INamedTypeSymbol named && FindAttribute(named, WireRecordAttribute) is not null;

    private static IMethodSymbol? FindPrimaryConstructor(INamedTypeSymbol type)
    {
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            foreach (SyntaxReference reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is RecordDeclarationSyntax)
                {
                    return constructor;
                }
            }
        }

        return null;
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static AttributeData? FindAttribute(ISymbol symbol, string fullName)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == fullName)
            {
                return attribute;
            }
        }

        return null;
    }

    private static string? NamedString(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value as string;
            }
        }

        return null;
    }

    private static int NamedInt(AttributeData attribute, string name, int fallback)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return fallback;
    }

    private void Report(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
}

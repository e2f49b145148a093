namespace Rho.Fast.Generators.Model;

/// <summary>How a generated type is laid out on the wire.</summary>
internal enum Representation
{
    /// <summary>A plain record: a JSON object of its fields.</summary>
    Record,

    /// <summary><c>{"Case": payload}</c>.</summary>
    External,

    /// <summary><c>{"tag": "Case", ...fields}</c>.</summary>
    Internal,

    /// <summary><c>{"tag": "Case", "content": payload}</c>.</summary>
    Adjacent,

    /// <summary>The payload alone; reading takes the first case that fits.</summary>
    Untagged,

    /// <summary>A C# enum written as a string; its members are unit cases.</summary>
    Enum,
}

/// <summary>A record's layout (mirrors Rho.Fast.Serialization.RecordShape, with Auto resolved).</summary>
internal enum RecordLayout
{
    Object = 1,
    Transparent = 2,
    Tuple = 3,
    Unit = 4,
}

/// <summary>A case's payload shape (the attribute's <c>Auto</c> is resolved by the parser).</summary>
internal enum Shape
{
    Unit,
    Newtype,
    Struct,
    Tuple,
}

/// <summary>Everything the emitter needs to write one union or record, with value equality.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">Declarations of enclosing types, outermost first, such as <c>partial class Outer</c>.</param>
/// <param name="Name">The type's simple name.</param>
/// <param name="FullName">The fully qualified name with <c>global::</c>.</param>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Representation">The wire layout.</param>
/// <param name="Tag">The tag key of an internally or adjacently tagged union.</param>
/// <param name="Content">The content key of an adjacently tagged union.</param>
/// <param name="Cases">The union's cases; empty for a record.</param>
/// <param name="Fields">The record's fields; empty for a union.</param>
/// <param name="HidesInherited">The type derives from another generated type, so its generated members hide the base's.</param>
/// <param name="DeclaresConverter">The user declared the <c>[JsonConverter]</c> attribute already (so System.Text.Json's generator in the same project sees it).</param>
internal sealed record WireTypeModel(
    string? Namespace,
    EquatableArray<string> ContainingTypes,
    string Name,
    string FullName,
    string HintName,
    Representation Representation,
    string? Tag,
    string? Content,
    EquatableArray<CaseModel> Cases,
    EquatableArray<MemberModel> Fields,
    bool HidesInherited,
    bool DeclaresConverter,
    RecordLayout Layout = RecordLayout.Object,
    bool DenyUnknownFields = false);

/// <summary>One case of a union.</summary>
/// <param name="Name">The case record's simple name.</param>
/// <param name="FullName">Its fully qualified name.</param>
/// <param name="WireName">The case name on the wire.</param>
/// <param name="Shape">Unit, newtype, struct or tuple.</param>
/// <param name="Members">Its positional members in declaration order.</param>
/// <param name="Aliases">Other names read as this case.</param>
/// <param name="Other">The catch-all for unknown names: none, serde's unit <c>other</c>, or the raw-keeping case.</param>
internal sealed record CaseModel(string Name, string FullName, string WireName, Shape Shape, EquatableArray<MemberModel> Members, EquatableArray<string> Aliases = default, OtherKind Other = OtherKind.None);

/// <summary>Whether a case catches unknown case names, and what it keeps of them.</summary>
internal enum OtherKind
{
    None,
    Unit,
    Raw,
}

/// <summary>What a flattened member is.</summary>
internal enum FlattenKind
{
    None,
    Record,
    Map,
}

/// <summary>One positional member of a case or record.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="WireName">The key on the wire.</param>
/// <param name="Type">The member's type.</param>
/// <param name="Aliases">Other keys read as this field.</param>
/// <param name="Skip">0: always written; 1: not when null; 2: not when empty or null.</param>
/// <param name="Default">A C# expression for a missing field, or null when a missing field is an error (or null, for nullable types).</param>
/// <param name="Flatten">Whether the member is merged into the parent object.</param>
/// <param name="Inner">A flattened record's own fields.</param>
internal sealed record MemberModel(
    string Name,
    string WireName,
    TypeModel Type,
    EquatableArray<string> Aliases = default,
    int Skip = 0,
    string? Default = null,
    FlattenKind Flatten = FlattenKind.None,
    EquatableArray<MemberModel> Inner = default);

/// <summary>The kinds of value a member can hold.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Double,
    Raw,
    Wire,
    List,
    Single,
    Int128,
    UInt128,
    Rune,
    Char,
    Value,
    Enum,
    Map,
}

/// <summary>How a list member is declared, which decides how it is built and walked.</summary>
internal enum ListKind
{
    None,
    Array,
    List,
    ReadOnlyList,

    /// <summary>An <c>IList&lt;T&gt;</c>: indexed like a read-only list, but built as a <c>List&lt;T&gt;</c> callers may add to.</summary>
    IndexedList,
    Enumerable,
}

/// <summary>A member's type as far as reading and writing need it.</summary>
/// <param name="Kind">The value kind.</param>
/// <param name="FullName">The type's fully qualified name without nullable annotation.</param>
/// <param name="IsOptional">Null is allowed: a nullable reference or <see cref="System.Nullable{T}"/>; a missing field reads as null.</param>
/// <param name="IsValueType">A struct (matters for how null is tested and unwrapped).</param>
/// <param name="ListKind">For lists, how the list is declared.</param>
/// <param name="Element">For lists, the element type; for maps, the value type.</param>
/// <param name="Key">For maps, the key type (a string or an integer).</param>
/// <param name="Concrete">For maps, the expression that creates the map built when reading.</param>
internal sealed record TypeModel(ValueKind Kind, string FullName, bool IsOptional, bool IsValueType, ListKind ListKind, TypeModel? Element, TypeModel? Key = null, string? Concrete = null);

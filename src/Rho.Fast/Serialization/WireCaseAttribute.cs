using System;

namespace Rho.Fast.Serialization;

/// <summary>The JSON shape of one case of a tagged union.</summary>
public enum CaseShape
{
    /// <summary>
    /// Inferred: no members is a unit case, one member a newtype case, more a struct case. In an
    /// internally tagged union one member is a newtype case only when it is a
    /// <see cref="WireRecordAttribute"/> record (the tag joins its object); otherwise it is a struct
    /// case with that one field.
    /// </summary>
    Auto = 0,

    /// <summary>No payload (serde's unit variant): <c>"Ping"</c> when externally tagged.</summary>
    Unit = 1,

    /// <summary>The payload is the single member's value (serde's newtype variant): <c>{"System":"text"}</c>.</summary>
    Newtype = 2,

    /// <summary>The members are the fields of an object (serde's struct variant): <c>{"Session":{"version":1}}</c>.</summary>
    Struct = 3,

    /// <summary>
    /// The members are the elements of an array (serde's tuple variant): <c>{"Move":[1,2]}</c>. Not
    /// allowed in an internally tagged union, which serde rejects too.
    /// </summary>
    Tuple = 4,
}

/// <summary>
/// Overrides the wire name or the shape of one case of a <see cref="TaggedUnionAttribute"/> union
/// (serde's per-variant <c>rename</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class WireCaseAttribute : Attribute
{
    /// <summary>The case name on the wire; <see langword="null"/> applies the union's <see cref="TaggedUnionAttribute.RenameAll"/> rule.</summary>
    public string? Name { get; set; }

    /// <summary>The case's shape; <see cref="CaseShape.Auto"/> infers it from the member count.</summary>
    public CaseShape Shape { get; set; }
}

/// <summary>Overrides the wire name of one field or enum member (serde's per-field and per-variant <c>rename</c>).</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class WireNameAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The field's key on the wire.</param>
    public WireNameAttribute(string name) => Name = name;

    /// <summary>The field's key on the wire.</summary>
    public string Name { get; }
}

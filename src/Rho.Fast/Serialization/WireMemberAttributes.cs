using System;

namespace Rho.Fast.Serialization;

/// <summary>When <see cref="WireSkipAttribute"/> leaves a field out of the written object.</summary>
public enum SkipWhen
{
    /// <summary>The value is null (serde's <c>skip_serializing_if = "Option::is_none"</c>).</summary>
    Null = 0,

    /// <summary>The list or map is empty, or null (serde's <c>skip_serializing_if = "Vec::is_empty"</c>).</summary>
    Empty = 1,
}

/// <summary>Leaves a field out of the written object under a condition (serde's <c>skip_serializing_if</c>); reading is unchanged.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class WireSkipAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="when">The condition under which the field is not written.</param>
    public WireSkipAttribute(SkipWhen when) => When = when;

    /// <summary>The condition under which the field is not written.</summary>
    public SkipWhen When { get; }
}

/// <summary>
/// A missing field reads as a default instead of an error (serde's <c>default</c>): the type's
/// default (an empty string, list or map; zero; false) or the constant given. Null is still an
/// error unless the type is nullable.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class WireDefaultAttribute : Attribute
{
    /// <summary>A missing field reads as its type's default.</summary>
    public WireDefaultAttribute()
    {
    }

    /// <summary>A missing field reads as <paramref name="value"/>.</summary>
    /// <param name="value">A constant of the field's type.</param>
    public WireDefaultAttribute(object value) => Value = value;

    /// <summary>The constant, or <see langword="null"/> for the type's default.</summary>
    public object? Value { get; }
}

/// <summary>
/// Other names accepted when reading a field, a case or an enum member (serde's <c>alias</c>);
/// the value is always written under its own name.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Class | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class WireAliasAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="names">The names accepted besides the wire name.</param>
    public WireAliasAttribute(params string[] names) => Names = names;

    /// <summary>The names accepted besides the wire name.</summary>
    public string[] Names { get; }
}

/// <summary>
/// Merges a member into its parent object (serde's <c>flatten</c>): a <see cref="WireRecordAttribute"/>
/// record's fields are read and written inline; a map of <see cref="JsonValue"/> (at most one per
/// record) collects every key no field claims and writes them back after the fields, sorted.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class WireFlattenAttribute : Attribute
{
}

/// <summary>
/// The case that takes any case name the union or enum does not know. On a unit case or an enum
/// member it is serde's <c>other</c>: the data is dropped, and the case writes its own name. On a
/// case with one <see cref="RawJson"/> member (a deliberate addition to serde) the whole unknown
/// value is kept and written back byte for byte, so an older reader never loses what a newer
/// writer wrote.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class WireOtherAttribute : Attribute
{
}

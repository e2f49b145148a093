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

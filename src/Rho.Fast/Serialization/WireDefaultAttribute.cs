using System;

namespace Rho.Fast.Serialization;

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

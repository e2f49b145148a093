using System;

namespace Rho.Fast.Serialization;

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

using System;

namespace Rho.Fast.Serialization;

/// <summary>
/// Merges a member into its parent object (serde's <c>flatten</c>): a <see cref="WireRecordAttribute"/>
/// record's fields are read and written inline; a map of <see cref="JsonValue"/> (at most one per
/// record) collects every key no field claims and writes them back after the fields, sorted.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class WireFlattenAttribute : Attribute
{
}

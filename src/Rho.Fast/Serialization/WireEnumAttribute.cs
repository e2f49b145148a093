using System;

namespace Rho.Fast.Serialization;

/// <summary>
/// Marks a C# <c>enum</c> as a serde unit-only enum, written as a string. The generator emits a
/// <c>{Name}Wire</c> class beside it with the reader and writer that records and unions call.
/// Members take <see cref="WireNameAttribute"/>, <see cref="WireAliasAttribute"/> and
/// <see cref="WireOtherAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Enum, Inherited = false, AllowMultiple = false)]
public sealed class WireEnumAttribute : Attribute
{
    /// <summary>How member names become wire names (serde's <c>rename_all</c>). Default: as written.</summary>
    public RenameRule RenameAll { get; set; }
}

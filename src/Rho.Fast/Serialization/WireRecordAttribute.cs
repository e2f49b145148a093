using System;

namespace Rho.Fast.Serialization;

/// <summary>How a <see cref="WireRecordAttribute"/> record is laid out on the wire.</summary>
public enum RecordShape
{
    /// <summary>
    /// A JSON object of the members (serde's struct with named fields). A record with exactly one
    /// member must say <see cref="Object"/> or <see cref="Transparent"/>: C# cannot tell them apart (RHOF015).
    /// </summary>
    Auto = 0,

    /// <summary>A JSON object of the members, also read from an array of them (serde's named-field struct).</summary>
    Object = 1,

    /// <summary>The single member's value alone (serde's <c>transparent</c> and newtype struct <c>Id(String)</c>).</summary>
    Transparent = 2,

    /// <summary>A JSON array of the members; only an array of exactly that many is read (serde's tuple struct).</summary>
    Tuple = 3,

    /// <summary>No members, written as <c>null</c>; only <c>null</c> is read (serde's unit struct).</summary>
    Unit = 4,
}

/// <summary>
/// Marks a positional <c>partial record</c> as a serde-style struct: a JSON object whose keys are
/// the record's members, in declaration order. The source generator emits its reader, writer,
/// <see cref="IWireSerializable{TSelf}"/> implementation and JSON converter.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class WireRecordAttribute : Attribute
{
    /// <summary>How field names are derived from the member names. Default: snake_case, as Rust fields are.</summary>
    public RenameRule RenameAllFields { get; set; } = RenameRule.SnakeCase;

    /// <summary>The layout; see <see cref="RecordShape"/>.</summary>
    public RecordShape Shape { get; set; }

    /// <summary>An unknown key is an error instead of being skipped (serde's <c>deny_unknown_fields</c>).</summary>
    public bool DenyUnknownFields { get; set; }
}

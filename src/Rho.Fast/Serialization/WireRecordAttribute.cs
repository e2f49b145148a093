using System;

namespace Rho.Fast.Serialization;

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
}

using System;

namespace Rho.Fast.Serialization;

/// <summary>
/// Marks an <c>abstract partial record</c> as a serde-style tagged union whose cases are the
/// <c>sealed</c> records nested in it and derived from it. The source generator emits a
/// reflection-free reader and writer, an <see cref="IWireSerializable{TSelf}"/> implementation
/// and a <see cref="System.Text.Json.Serialization.JsonConverter{T}"/>.
/// </summary>
/// <remarks>
/// The representation follows serde: with neither <see cref="Tag"/> nor <see cref="Content"/> the
/// union is externally tagged (<c>{"User":[...]}</c>); with <see cref="Tag"/> only it is internally
/// tagged (<c>{"type":"session",...}</c>); with both it is adjacently tagged
/// (<c>{"t":"User","c":[...]}</c>).
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class TaggedUnionAttribute : Attribute
{
    /// <summary>The key that holds the case name (serde's <c>tag</c>); <see langword="null"/> for external tagging.</summary>
    public string? Tag { get; set; }

    /// <summary>The key that holds the payload in adjacent tagging (serde's <c>content</c>); requires <see cref="Tag"/>.</summary>
    public string? Content { get; set; }

    /// <summary>How case names are derived from the case record names (serde's <c>rename_all</c>). Default: as written.</summary>
    public RenameRule RenameAll { get; set; }

    /// <summary>How field names of struct cases are derived from their member names. Default: snake_case, as Rust fields are.</summary>
    public RenameRule RenameAllFields { get; set; } = RenameRule.SnakeCase;

    /// <summary>
    /// No tag at all (serde's <c>untagged</c>): a case is written as its payload, and reading tries
    /// the cases in declaration order and takes the first that fits. Excludes <see cref="Tag"/>.
    /// </summary>
    public bool Untagged { get; set; }
}

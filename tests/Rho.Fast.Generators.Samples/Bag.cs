using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Samples;

/// <summary>Struct cases that hold every supported member type.</summary>
[TaggedUnion(Tag = "kind", RenameAll = RenameRule.KebabCase)]
public abstract partial record Bag
{
    private Bag()
    {
    }

    public sealed record Scalars(
        string Text,
        bool Flag,
        sbyte I8,
        byte U8,
        short I16,
        ushort U16,
        int I32,
        uint U32,
        long I64,
        ulong U64,
        double F64,
        RawJson Raw,
        ExternalCommand Command,
        Point Origin,
        List<ExternalCommand> Commands,
        string[] Tags,
        string? Note,
        int? Count) : Bag;

    public sealed record Collections(
        IReadOnlyList<Point> Points,
        IEnumerable<string> Words,
        List<int?> MaybeNumbers,
        List<string[]> Rows,
        RawJson[] Raws,
        ExternalCommand? Next,
        Point? Corner,
        RawJson? Extra,
        List<int>? Extras,
        double? Ratio,
        bool? Enabled) : Bag;

    // Kept apart from Points: the generated writer declares one local name for every indexed list of a case (CS0128).
    public sealed record Indexed(IList<int> Numbers, string Label) : Bag;
}

using System.Collections.Generic;
using Xunit;

namespace Rho.Fast.Generators.Tests.Driver;

/// <summary>One small input per representation and feature, for <see cref="SnapshotTests"/>.</summary>
public static class SnapshotInputs
{
    private static readonly Dictionary<string, string> s_sources = new()
    {
        ["External"] = """
            namespace Demo;

            [TaggedUnion]
            public abstract partial record External
            {
                public sealed record Ping : External;
                public sealed record Text(string Value) : External;
                [WireCase(Name = "move_to")]
                public sealed record Move(int X, int Y) : External;
            }
            """,
        ["Internal"] = """
            namespace Demo;

            [WireRecord]
            public sealed partial record Coords(int X, int Y);

            [TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
            public abstract partial record Internal
            {
                public sealed record Ping : Internal;
                public sealed record Message(uint Id, string Text, uint? ReplyTo) : Internal;
                public sealed record Located(Coords At) : Internal;
            }
            """,
        ["Adjacent"] = """
            namespace Demo;

            [TaggedUnion(Tag = "t", Content = "c")]
            public abstract partial record Adjacent
            {
                public sealed record Stop : Adjacent;
                public sealed record Text(string Value) : Adjacent;
                public sealed record Full(string A, List<uint>? B) : Adjacent;
            }
            """,
        ["OpenExternal"] = """
            namespace Demo;

            [TaggedUnion]
            public abstract partial record OpenExternal
            {
                public sealed record Ping : OpenExternal;
                [WireCase(Shape = CaseShape.Tuple)]
                public sealed record Line(int From, int To) : OpenExternal;
                [WireOther]
                public sealed record Unknown(RawJson Value) : OpenExternal;
            }
            """,
        ["OpenInternal"] = """
            namespace Demo;

            [TaggedUnion(Tag = "type")]
            public abstract partial record OpenInternal
            {
                public sealed record Ping : OpenInternal;
                public sealed record Moved(int X, int Y) : OpenInternal;
                [WireOther]
                public sealed record Unknown(RawJson Value) : OpenInternal;
            }
            """,
        ["Untagged"] = """
            namespace Demo;

            [TaggedUnion(Untagged = true)]
            public abstract partial record Untagged
            {
                [WireCase(Shape = CaseShape.Newtype)]
                public sealed record Number(long Value) : Untagged;
                [WireCase(Shape = CaseShape.Newtype)]
                public sealed record Words(List<string> Value) : Untagged;
                public sealed record Pair(string Key, double Weight) : Untagged;
            }
            """,
        ["Enum"] = """
            namespace Demo;

            [WireEnum(RenameAll = RenameRule.SnakeCase)]
            public enum Enum { EndTurn, MaxTokens, [WireName("tool")] ToolUse }
            """,
        ["Vocabulary"] = """
            namespace Demo;

            [WireRecord]
            public sealed partial record Inner(int Level, string Room);

            [WireRecord]
            public sealed partial record Vocabulary(
                Rho.Fast.Utf8Text Body,
                [WireDefault] uint Count,
                [WireSkip(SkipWhen.Null)] string? Nickname,
                [WireDefault, WireSkip(SkipWhen.Empty)] List<string> Tags,
                SortedDictionary<string, uint> Counts,
                [WireFlatten] Inner Where,
                [WireFlatten] SortedDictionary<string, JsonValue> Rest);
            """,
        ["Record"] = """
            namespace Demo;

            [WireRecord]
            public sealed partial record Record(string Id, double Score, RawJson Meta, IReadOnlyList<string[]> Grid, bool? Flag);
            """,
    };

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (string name in s_sources.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    public static string Source(string name) => s_sources[name];
}

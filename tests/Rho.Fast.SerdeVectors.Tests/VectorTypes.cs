using System.Collections.Generic;
using System.Text;
using Rho.Fast.Serialization;

namespace Rho.Fast.SerdeVectors.Tests;

// The declarations of TYPES.md, one for one; serde's field names are snake_case already.

[WireRecord]
public sealed partial record Optionals(uint Id, string? Name, double? Score, [WireSkip(SkipWhen.Null)] string? Nickname, [WireSkip(SkipWhen.Null)] byte? Retries, [WireDefault, WireSkip(SkipWhen.Empty)] List<string> Tags);

[WireRecord]
public sealed partial record Defaults(uint Id, [WireDefault] uint Count, [WireDefault] bool Enabled, [WireDefault] List<string> Tags, [WireDefault] string Label, [WireDefault] string? Note);

[WireEnum(RenameAll = RenameRule.Lowercase)]
public enum CaseLower { EndTurn, MaxTokens, ToolUse, A, HTTPRequest, V2Beta }

[WireEnum(RenameAll = RenameRule.SnakeCase)]
public enum CaseSnake { EndTurn, MaxTokens, ToolUse, A, HTTPRequest, V2Beta }

[WireEnum(RenameAll = RenameRule.ScreamingSnakeCase)]
public enum CaseScreaming { EndTurn, MaxTokens, ToolUse, A, HTTPRequest, V2Beta }

[WireEnum(RenameAll = RenameRule.KebabCase)]
public enum CaseKebab { EndTurn, MaxTokens, ToolUse, A, HTTPRequest, V2Beta }

[WireEnum(RenameAll = RenameRule.CamelCase)]
public enum CaseCamel { EndTurn, MaxTokens, ToolUse, A, HTTPRequest, V2Beta }

[WireRecord(Shape = RecordShape.Transparent)]
public sealed partial record CaseLowerValue(CaseLower Value);

[WireRecord(Shape = RecordShape.Transparent)]
public sealed partial record CaseSnakeValue(CaseSnake Value);

[WireRecord(Shape = RecordShape.Transparent)]
public sealed partial record CaseScreamingValue(CaseScreaming Value);

[WireRecord(Shape = RecordShape.Transparent)]
public sealed partial record CaseKebabValue(CaseKebab Value);

[WireRecord(Shape = RecordShape.Transparent)]
public sealed partial record CaseCamelValue(CaseCamel Value);

[WireRecord(Shape = RecordShape.Transparent)]
public sealed partial record SessionId(string Value);

[WireRecord(Shape = RecordShape.Transparent)]
public sealed partial record Id(string Value);

[WireRecord(Shape = RecordShape.Tuple)]
public sealed partial record Point(int X, int Y);

[WireRecord(Shape = RecordShape.Unit)]
public sealed partial record Marker();

[WireRecord]
public sealed partial record Wrappers(SessionId Session, Id Id, List<Id> Ids, Point Origin, List<Point> Path, Marker Marker, Id? MaybeId);

[WireRecord]
public sealed partial record Coords(int X, int Y);

[WireRecord]
public sealed partial record Maps(SortedDictionary<string, uint> Counts, Dictionary<string, string> Labels, IReadOnlyDictionary<string, List<string>> Groups, Dictionary<string, long> Scores, SortedDictionary<uint, string> ById);

[WireRecord]
public sealed partial record WithValue(string Id, JsonValue Metadata);

[WireRecord]
public sealed partial record Aliased([WireAlias("old_name", "fullName")] string Name, [WireAlias("desc")] string? Description);

[WireRecord(DenyUnknownFields = true)]
public sealed partial record Strict(int A, string? B);

[WireRecord]
public sealed partial record Flattened(string Id, [WireFlatten] Coords Coords, string? Label);

[WireRecord]
public sealed partial record CatchAll(string Id, [WireDefault, WireSkip(SkipWhen.Null)] string? Kind, [WireFlatten] SortedDictionary<string, JsonValue> Extra);

[WireRecord]
public sealed partial record Integers(sbyte I8, short I16, int I32, long I64, byte U8, ushort U16, uint U32, ulong U64);

[WireRecord]
public sealed partial record Floats(float F32, double F64, double? Maybe, List<double> List, List<float> Singles);

[WireRecord]
public sealed partial record CharsAndBytes(Rune Letter, List<Rune> Letters, Rune? MaybeLetter, List<byte> Bytes);

[WireRecord]
public sealed partial record Nested(List<List<int>> Grid, List<string>? MaybeList, List<uint?> Sparse, List<Coords?>? Cells, List<List<Point>> Paths);

[WireRecord]
public sealed partial record Tree(int Value, Tree? Left, Tree? Right);

[TaggedUnion]
public abstract partial record External
{
    public sealed record Ping : External;
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record Text(string Value) : External;
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record Maybe(uint? Value) : External;
    [WireCase(Name = "move_to", Shape = CaseShape.Tuple)]
    public sealed record Move(int Item0, int Item1) : External;
    [WireAlias("Scale")]
    public sealed record Resize(uint Width, uint Height) : External;
    [WireCase(Shape = CaseShape.Struct)]
    public sealed record Named(int X) : External;
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record Wrap(Point Value) : External;
    [WireCase(Shape = CaseShape.Struct)]
    public sealed record Empty() : External;
}

[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record Internal
{
    public sealed record Ping : Internal;
    [WireAlias("msg")]
    public sealed record Message(uint Id, string Text, uint? ReplyTo) : Internal;
    public sealed record Located(Coords Value) : Internal;
}

[TaggedUnion(Tag = "t", Content = "c")]
public abstract partial record Adjacent
{
    public sealed record Stop : Adjacent;
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record Text(string Value) : Adjacent;
    [WireCase(Shape = CaseShape.Tuple)]
    public sealed record Pair(byte Item0, byte Item1) : Adjacent;
    public sealed record Full(string A, uint? B) : Adjacent;
}

[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record Event
{
    public sealed record Start(uint Id) : Event;
    public sealed record Delta(string Text) : Event;
    public sealed record Stop : Event;
    [WireOther]
    public sealed record Unknown : Event;
}

[TaggedUnion(Untagged = true)]
public abstract partial record Scalar
{
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record Int(long Value) : Scalar;
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record Float(double Value) : Scalar;
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record Text(string Value) : Scalar;
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record Flag(bool Value) : Scalar;
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record List(List<Scalar> Value) : Scalar;
    public sealed record Null : Scalar;
}

[WireEnum(RenameAll = RenameRule.Lowercase)]
public enum Role { User, Assistant, System }

[WireRecord(Shape = RecordShape.Transparent)]
public sealed partial record RoleValue(Role Value);

[TaggedUnion(Untagged = true)]
public abstract partial record Content
{
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record Text(string Value) : Content;
    [WireCase(Shape = CaseShape.Newtype)]
    public sealed record Blocks(List<ContentBlock> Value) : Content;
}

[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record ContentBlock
{
    public sealed record Text([WireName("text")] string Value) : ContentBlock;

    public sealed record Image(string MediaType, string Data) : ContentBlock;
    public sealed record ToolUse(string Id, string Name, JsonValue Input) : ContentBlock;
    public sealed record ToolResult(string ToolUseId, Content Content, [WireSkip(SkipWhen.Null)] bool? IsError) : ContentBlock;
}

[WireRecord]
public sealed partial record Usage(uint InputTokens, uint OutputTokens, [WireSkip(SkipWhen.Null)] uint? CacheCreationInputTokens, [WireSkip(SkipWhen.Null)] uint? CacheReadInputTokens);

[WireEnum(RenameAll = RenameRule.SnakeCase)]
public enum StopReason { EndTurn, [WireAlias("length")] MaxTokens, StopSequence, ToolUse, [WireOther] Unknown }

[WireRecord(Shape = RecordShape.Transparent)]
public sealed partial record StopReasonValue(StopReason Value);

[WireRecord]
public sealed partial record Message(string Id, Role Role, Content Content, [WireDefault, WireSkip(SkipWhen.Null)] string? Model, [WireDefault, WireSkip(SkipWhen.Null)] StopReason? StopReason, [WireDefault, WireSkip(SkipWhen.Null)] Usage? Usage, [WireDefault, WireSkip(SkipWhen.Empty)] SortedDictionary<string, string> Metadata);

[WireRecord(RenameAllFields = RenameRule.CamelCase)]
public sealed partial record CaseHolder(CaseLower Lower, CaseSnake Snake, CaseScreaming Screaming, CaseKebab Kebab, CaseCamel Camel, CaseSnake? MaybeSnake, List<CaseKebab> KebabList, List<CaseCamel>? CamelListOpt, List<CaseScreaming?> ScreamingHoles, [WireName("lower_set")] List<CaseLower> LowerList);

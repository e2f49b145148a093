using Rho.Fast.Serialization;

namespace Rho.Fast.Generators.Samples;

// One union per RenameAll rule, each with the same two cases, so the rules can be compared.

[TaggedUnion(RenameAll = RenameRule.SnakeCase)]
public abstract partial record SnakeCaseNames
{
    public sealed record ToolCall(int CallId, string ToolName) : SnakeCaseNames;

    public sealed record HTTPServer : SnakeCaseNames;
}

[TaggedUnion(RenameAll = RenameRule.CamelCase, RenameAllFields = RenameRule.CamelCase)]
public abstract partial record CamelCaseNames
{
    public sealed record ToolCall(int CallId, string ToolName) : CamelCaseNames;

    public sealed record HTTPServer : CamelCaseNames;
}

[TaggedUnion(RenameAll = RenameRule.KebabCase, RenameAllFields = RenameRule.KebabCase)]
public abstract partial record KebabCaseNames
{
    public sealed record ToolCall(int CallId, string ToolName) : KebabCaseNames;

    public sealed record HTTPServer : KebabCaseNames;
}

[TaggedUnion(RenameAll = RenameRule.Lowercase, RenameAllFields = RenameRule.Lowercase)]
public abstract partial record LowercaseNames
{
    public sealed record ToolCall(int CallId, string ToolName) : LowercaseNames;

    public sealed record HTTPServer : LowercaseNames;
}

[TaggedUnion(RenameAll = RenameRule.Uppercase, RenameAllFields = RenameRule.ScreamingSnakeCase)]
public abstract partial record UppercaseNames
{
    public sealed record ToolCall(int CallId, string ToolName) : UppercaseNames;

    public sealed record HTTPServer : UppercaseNames;
}

[TaggedUnion(RenameAll = RenameRule.ScreamingSnakeCase, RenameAllFields = RenameRule.None)]
public abstract partial record ScreamingSnakeCaseNames
{
    public sealed record ToolCall(int CallId, string ToolName) : ScreamingSnakeCaseNames;

    public sealed record HTTPServer : ScreamingSnakeCaseNames;
}

/// <summary>Per-case and per-field overrides win over the union's rules.</summary>
[TaggedUnion(Tag = "op", RenameAll = RenameRule.SnakeCase)]
public abstract partial record Overridden
{
    [WireCase(Name = "custom-name")]
    public sealed record ToolCall([WireName("id")] int CallId, string DisplayName) : Overridden;

    [WireCase(Name = "Quit!")]
    public sealed record Quit : Overridden;
}

/// <summary>A record with its own field rule.</summary>
[WireRecord(RenameAllFields = RenameRule.CamelCase)]
public sealed partial record CamelRecord(int CallId, [WireName("display name")] string DisplayName);

/// <summary>Keys that need escaping, or are not ASCII, or are empty.</summary>
[WireRecord(RenameAllFields = RenameRule.None)]
public sealed partial record OddKeys(
    [WireName("quote\"")] int Quote,
    [WireName("back\\slash")] int Backslash,
    [WireName("new\nline")] int Newline,
    [WireName("café")] int Accent,
    [WireName("")] int Empty);

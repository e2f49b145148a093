namespace Rho.Fast.Serialization;

/// <summary>
/// How a C# name (PascalCase) becomes a wire name, following serde's <c>rename_all</c> rules.
/// </summary>
public enum RenameRule
{
    /// <summary>The name as written in C#: <c>ToolCall</c> stays <c>ToolCall</c>.</summary>
    None = 0,

    /// <summary><c>ToolCall</c> becomes <c>tool_call</c>.</summary>
    SnakeCase = 1,

    /// <summary><c>ToolCall</c> becomes <c>toolCall</c>.</summary>
    CamelCase = 2,

    /// <summary><c>ToolCall</c> becomes <c>tool-call</c>.</summary>
    KebabCase = 3,

    /// <summary><c>ToolCall</c> becomes <c>toolcall</c>.</summary>
    Lowercase = 4,

    /// <summary><c>ToolCall</c> becomes <c>TOOLCALL</c>.</summary>
    Uppercase = 5,

    /// <summary><c>ToolCall</c> becomes <c>TOOL_CALL</c>.</summary>
    ScreamingSnakeCase = 6,
}

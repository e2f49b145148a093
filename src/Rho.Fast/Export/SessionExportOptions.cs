namespace Rho.Fast.Export;

/// <summary>What an export shows besides the messages, and when it folds long content.</summary>
public sealed class SessionExportOptions
{
    /// <summary>The defaults: no session metadata, content folded past 30 lines or 4,000 characters.</summary>
    public static SessionExportOptions Default { get; } = new();

    /// <summary>The session's header (id, start time, working directory), shown at the top; <see langword="null"/> for none.</summary>
    public SessionEntry.Header? Header { get; init; }

    /// <summary>Which history the messages are, such as <c>display</c> or <c>model</c>; shown at the top and written in the JSON document.</summary>
    public string? History { get; init; }

    /// <summary>Tool output, tool arguments and system prompts with more lines than this are folded (collapsed, opened on a click).</summary>
    public int FoldLines { get; init; } = 30;

    /// <summary>Tool output, tool arguments and system prompts longer than this many characters are folded.</summary>
    public int FoldCharacters { get; init; } = 4000;
}

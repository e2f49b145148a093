namespace Rho.Fast;

/// <summary>
/// What one session file says about itself, for the session index: the facts of rho's index row
/// that come from the file. Whatever is missing is filled in by the index from the file name and
/// the file's size and modification time.
/// </summary>
/// <param name="Cwd">The header's working directory, or <see langword="null"/> without a header.</param>
/// <param name="CreatedAt">The header's timestamp (Unix seconds), or <see langword="null"/> when there is none or it does not parse.</param>
/// <param name="UpdatedAt">The largest timestamp of any entry (Unix seconds), or <see langword="null"/> when none parses.</param>
/// <param name="MessageCount">The messages of the history a resume shows, after unanswered tool turns are cut.</param>
/// <param name="FirstUserMessage">The text of the first user message that has text, or <see langword="null"/>.</param>
/// <param name="LastUserMessage">The text of the last user message that has text, or <see langword="null"/>.</param>
internal sealed record SessionSummary(
    string? Cwd,
    ulong? CreatedAt,
    ulong? UpdatedAt,
    long MessageCount,
    string? FirstUserMessage,
    string? LastUserMessage);

using System.CommandLine;
using System.IO;

namespace Rho.Fast.Cli;

/// <summary>The options several commands share, and how their values become a store and a workspace.</summary>
internal static class CommonOptions
{
    public static Option<string?> Root() => new("--root")
    {
        Description = "The sessions folder (default: $HOME/.rho/sessions).",
        HelpName = "DIR",
    };

    public static Option<string?> Cwd() => new("--cwd")
    {
        Description = "The working directory whose sessions are meant (default: the current directory).",
        HelpName = "DIR",
    };

    public static Option<int> MaxLineLength()
    {
        Option<int> option = WholeNumberOption.Create(
            "--max-line-length", null, 1, int.MaxValue, "The longest line read, in bytes; a longer one is an error.", "BYTES");
        option.DefaultValueFactory = _ => SessionReadOptions.DefaultMaxLineLength;
        return option;
    }

    /// <summary>Read options with the line limit of <see cref="MaxLineLength"/>.</summary>
    public static SessionReadOptions Reading(int maxLineLength, SessionRecovery recovery = SessionRecovery.TolerateTail) =>
        new() { MaxLineLength = maxLineLength, Recovery = recovery };

    /// <summary>The store at <paramref name="root"/>, or rho's own under <c>$HOME</c>.</summary>
    /// <exception cref="SessionStoreException">No root given and <c>HOME</c> is not set.</exception>
    public static SessionStore Store(string? root) => root is null ? SessionStore.OpenDefault() : new SessionStore(root);

    /// <summary>
    /// An absolute working directory spelled as rho spells it (no trailing separator), since the
    /// workspace folder's name is derived from the exact string.
    /// </summary>
    public static string Workspace(string? cwd) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(cwd ?? Directory.GetCurrentDirectory()));
}

using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast list [--all-projects] [--search S] [--limit N] [--json] [--cwd DIR] [--root DIR]</c>:
/// the sessions of a working directory (or of every one), from the session index, last updated
/// first: short id, last update, messages, size, the working directory with <c>--all-projects</c>,
/// and the title (or else the first user message) cut to the terminal's width (80 columns without a terminal).
/// </summary>
internal static class ListCommand
{
    private const int ShortId = 8;
    private const int MaxTitleColumns = 80;
    private const int MaxCwdColumns = 40;

    public static Command Create(CliConsole console)
    {
        Option<string?> cwd = CommonOptions.Cwd();
        Option<string?> root = CommonOptions.Root();
        var allProjects = new Option<bool>("--all-projects") { Description = "List the sessions of every working directory, with a CWD column." };
        var search = new Option<string?>("--search")
        {
            Description = "Only sessions whose id, title, first or last user message, or working directory contains S (ASCII letters in any case).",
            HelpName = "S",
        };
        Option<int> limit = WholeNumberOption.Create("--limit", null, 1, int.MaxValue, "At most N sessions (the newest), after --search.", "N");
        var json = new Option<bool>("--json")
        {
            Description = "One JSON object per session and line: id, cwd, created_at, updated_at, message_count, title, first_user_message, last_user_message, path, file_size.",
        };
        var command = new Command(
            "list",
            "List the sessions of a working directory, last updated first: id prefix, updated (local time), messages, size, title.")
        {
            allProjects, search, limit, json, cwd, root,
        };
        HelpNotes.Set(
            command,
            "MESSAGES counts the messages a resume shows. TITLE is the session's title in rho's index, else its first user message.\n"
            + "The list comes from the session index (rho's index.sqlite3, read only, and rho-fast-index.sqlite3 beside it);\n"
            + "a file that changed since its row was written is read again. Open a session with 'rho-fast show ID', where ID\n"
            + "is any unique prefix of its id.");
        CommandAction.Set(command, console, (result, _) => Task.FromResult(Run(
            console,
            result.GetValue(cwd),
            result.GetValue(root),
            result.GetValue(allProjects),
            result.GetValue(search),
            result.GetResult(limit) is null ? int.MaxValue : result.GetValue(limit),
            result.GetValue(json))));
        return command;
    }

    private static int Run(CliConsole console, string? cwd, string? root, bool allProjects, string? search, int limit, bool json)
    {
        SessionStore store = CommonOptions.Store(root);
        string? workspace = allProjects ? null : CommonOptions.Workspace(cwd);
        IReadOnlyList<SessionInfo> listed = workspace is null ? store.ListAll() : store.List(workspace);

        // As rho does: the search first, then the limit.
        var sessions = new List<SessionInfo>(int.Min(listed.Count, limit));
        foreach (SessionInfo session in listed)
        {
            if (sessions.Count == limit)
            {
                break;
            }

            if (search is null || ListSearch.Matches(session, search))
            {
                sessions.Add(session);
            }
        }

        if (json)
        {
            SessionListJson.Write(console.RawOut(), sessions);
            return ExitCodes.Ok;
        }

        TextWriter output = console.Out;
        if (sessions.Count == 0)
        {
            string matching = search is null ? "" : " matching '" + search + "'";
            output.WriteLine(workspace is null
                ? "no sessions" + matching + " in " + store.Root
                : "no sessions" + matching + " for " + workspace + " in " + store.Root);
            return ExitCodes.Ok;
        }

        WriteTable(console, sessions, withCwd: allProjects);
        return ExitCodes.Ok;
    }

    private static void WriteTable(CliConsole console, List<SessionInfo> sessions, bool withCwd)
    {
        var rows = new string[sessions.Count][];
        int messagesWidth = "MESSAGES".Length;
        int sizeWidth = "SIZE".Length;
        int cwdWidth = "CWD".Length;
        for (int i = 0; i < sessions.Count; i++)
        {
            SessionInfo session = sessions[i];
            string title = session.Title ?? session.FirstUserMessage ?? "";
            rows[i] =
            [
                session.Id.Length > ShortId ? session.Id[..ShortId] : session.Id,
                Formats.LocalTime(session.Updated),
                session.MessageCount.ToString(CultureInfo.InvariantCulture),
                Formats.Size(session.Size),
                withCwd ? Formats.Cut(Printable.Line(session.Cwd), MaxCwdColumns) : "",
                Printable.Line(title),
            ];
            messagesWidth = int.Max(messagesWidth, rows[i][2].Length);
            sizeWidth = int.Max(sizeWidth, rows[i][3].Length);
            cwdWidth = int.Max(cwdWidth, rows[i][4].Length);
        }

        TextWriter output = console.Out;
        var style = new Style(console.Color);
        string head = "ID".PadRight(ShortId) + "  " + "UPDATED".PadRight(16) + "  " + "MESSAGES".PadLeft(messagesWidth) + "  " + "SIZE".PadLeft(sizeWidth) + "  "
            + (withCwd ? "CWD".PadRight(cwdWidth) + "  " : "");
        output.WriteLine(style.Bold(head + "TITLE"));

        // Titles are cut, not wrapped, so each session stays on one line: to the terminal's width, or without one to a fixed cap.
        int columns = console.Width > 0 ? int.Max(console.Width - head.Length - 1, 0) : MaxTitleColumns;
        foreach (string[] row in rows)
        {
            string line = style.Yellow(row[0].PadRight(ShortId)) + "  " + row[1] + "  " + row[2].PadLeft(messagesWidth) + "  " + row[3].PadLeft(sizeWidth) + "  "
                + (withCwd ? row[4] + new string(' ', cwdWidth - row[4].Length) + "  " : "");
            output.WriteLine(line + Formats.Cut(row[5], columns));
        }
    }
}

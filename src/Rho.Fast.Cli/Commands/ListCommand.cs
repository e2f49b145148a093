using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast list [--cwd DIR] [--root DIR]</c>: the sessions of a working directory, newest first:
/// short id, creation time, messages on disk, size, and the title cut to the terminal's width (80 columns without a terminal).
/// </summary>
internal static class ListCommand
{
    private const int ShortId = 8;
    private const int MaxTitleColumns = 80;

    public static Command Create(CliConsole console)
    {
        Option<string?> cwd = CommonOptions.Cwd();
        Option<string?> root = CommonOptions.Root();
        var command = new Command(
            "list",
            "List the sessions of a working directory, newest first: id prefix, created (local time), messages, size, title.")
        {
            cwd, root,
        };
        HelpNotes.Set(command, "MESSAGES counts the message lines on disk. Open a session with 'rho-fast show ID', where ID is any unique prefix of its id.");
        CommandAction.Set(command, console, (result, _) => Task.FromResult(Run(console, result.GetValue(cwd), result.GetValue(root))));
        return command;
    }

    private static int Run(CliConsole console, string? cwd, string? root)
    {
        SessionStore store = CommonOptions.Store(root);
        string workspace = CommonOptions.Workspace(cwd);
        IReadOnlyList<SessionInfo> sessions = store.List(workspace);
        TextWriter output = console.Out;
        if (sessions.Count == 0)
        {
            output.WriteLine("no sessions for " + workspace + " in " + store.Root);
            return ExitCodes.Ok;
        }

        var rows = new string[sessions.Count][];
        int messagesWidth = "MESSAGES".Length;
        int sizeWidth = "SIZE".Length;
        for (int i = 0; i < sessions.Count; i++)
        {
            SessionInfo session = sessions[i];
            rows[i] =
            [
                session.Id.Length > ShortId ? session.Id[..ShortId] : session.Id,
                Formats.LocalTime(session.Created),
                session.MessageCount.ToString(CultureInfo.InvariantCulture),
                Formats.Size(session.Size),
                session.Title is null ? "" : Printable.Line(session.Title),
            ];
            messagesWidth = int.Max(messagesWidth, rows[i][2].Length);
            sizeWidth = int.Max(sizeWidth, rows[i][3].Length);
        }

        var style = new Style(console.Color);
        string head = "ID".PadRight(ShortId) + "  " + "CREATED".PadRight(16) + "  " + "MESSAGES".PadLeft(messagesWidth) + "  " + "SIZE".PadLeft(sizeWidth) + "  ";
        output.WriteLine(style.Bold(head + "TITLE"));
        foreach (string[] row in rows)
        {
            string line = style.Yellow(row[0].PadRight(ShortId)) + "  " + row[1] + "  " + row[2].PadLeft(messagesWidth) + "  " + row[3].PadLeft(sizeWidth) + "  ";
            // Titles are cut, not wrapped, so each session stays on one line: to the terminal's width, or without one to a fixed cap.
            int columns = console.Width > 0 ? int.Max(console.Width - head.Length - 1, 0) : MaxTitleColumns;
            output.WriteLine(line + Formats.Cut(row[4], columns));
        }

        return ExitCodes.Ok;
    }
}

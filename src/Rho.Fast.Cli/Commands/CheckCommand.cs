using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast check FILE...</c>: validates session files without changing them. The reference
/// reader's rule decides: only the last non-empty line may be unreadable (a torn write). A file
/// that breaks it is corrupt, and a salvage read then lists every bad line.
/// </summary>
internal static class CheckCommand
{
    public const int Clean = 0;
    public const int Repairable = 1;
    public const int Corrupt = 2;
    public const int NotChecked = 3;
    public const int UnsupportedFormat = ExitCodes.UnsupportedFormat;

    private const int PreviewColumns = 60;

    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Session files to check.", Arity = ArgumentArity.OneOrMore }.RejectOptionLike();
        Option<int> maxLineLength = CommonOptions.MaxLineLength();
        var command = new Command(
            "check",
            "Validate session files without changing them: torn last line, unanswered tool turn, corrupt lines with line number and byte offset.")
        {
            files, maxLineLength,
        };
        HelpNotes.Set(command,
            "Exit codes (with several files the worst wins):\n" +
            "  0  clean\n" +
            "  1  a torn last line and/or an unanswered tool turn: readers leave them out; 'rho-fast repair' cuts the torn line\n" +
            "     and answers a turn the file ends inside as interrupted\n" +
            "  2  corrupt: a torn line before the end; 'rho-fast repair --salvage' keeps every complete entry\n" +
            "     and drops only the torn lines (the first " + CappedLines.DefaultLimit + " are listed); also a mistake on the command line\n" +
            "  3  a file could not be read at all (missing, a directory, no permission)\n" +
            "  4  a newer format, left alone: a header version or complete entries this version does not read");
        CommandAction.Set(command, console, (result, cancellationToken) =>
            RunAsync(console, result.GetValue(files)!, result.GetValue(maxLineLength), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string[] files, int maxLineLength, CancellationToken cancellationToken)
    {
        int worst = Clean;
        foreach (string file in files)
        {
            int code;
            try
            {
                code = InputFiles.Problem(file) is { } problem
                    ? console.Fail(problem, NotChecked)
                    : await CheckAsync(console, file, maxLineLength, new Style(console.Color), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                code = console.Fail(file + ": " + e.Message, NotChecked);
            }

            worst = int.Max(worst, code);
        }

        return worst;
    }

    private static async Task<int> CheckAsync(CliConsole console, string path, int maxLineLength, Style style, CancellationToken cancellationToken)
    {
        TextWriter output = console.Out;
        long size = new FileInfo(path).Length;
        SessionReadSummary summary;
        long messages;
        try
        {
            (messages, summary) = await MessageCount.ReadAsync(path, CommonOptions.Reading(maxLineLength), cancellationToken);
        }
        catch (SessionFormatException e)
        {
            await ReportCorruptAsync(output, path, e, maxLineLength, style, cancellationToken);
            return Corrupt;
        }
        catch (UnsupportedSessionFormatException e)
        {
            string version = e.FormatVersion is ulong v ? "format v" + v + " header, " : "";
            output.WriteLine(path + ": " + style.Yellow("newer format") + ", left alone (" + version + "this version of Rho.Fast reads format v" + Session.FormatVersion + ")");
            output.WriteLine("  " + Locations.Where(e) + ": " + e.Reason);
            return UnsupportedFormat;
        }

        if (summary.UnknownEntries is [var unknown, ..])
        {
            // A last line of a newer format: readers leave it out, nothing may cut it.
            string version = summary.FormatVersion is ulong v ? "format v" + v + " header, " : "";
            output.WriteLine(path + ": " + style.Yellow("newer format") + ", left alone (" + version + "this version of Rho.Fast reads format v" + Session.FormatVersion + ")");
            output.WriteLine("  " + Locations.Where(unknown) + ": " + unknown.Reason);
            return UnsupportedFormat;
        }

        if (summary.IsReadOnlyFormat)
        {
            // rho 1.47's formats: read like rho reads them, never changed by this version.
            string version = "rho 1.47 format v" + (summary.FormatVersion ?? Session.FormatVersion);
            output.WriteLine(path + ": " + style.Green("ok") + " (" + version + ", read only), " + Formats.Count(messages, "message") + " in the model history, " + Formats.Size(size));
            if (summary.TornTail is { } tornTail)
            {
                output.WriteLine("  torn last " + Locations.Where(tornTail) + " ignored, as rho ignores it: " + tornTail.Reason);
            }

            if (summary.DroppedMessageCount > 0)
            {
                output.WriteLine("  an unanswered tool turn leaves " + Formats.Count(summary.DroppedMessageCount, "message") + " out of the model history, as rho does");
            }

            return Clean;
        }

        if (summary.TornTail is null && summary.DroppedTurn is null)
        {
            output.WriteLine(path + ": " + style.Green("ok") + ", " + Formats.Count(messages, "message") + ", " + Formats.Size(size));
            return Clean;
        }

        output.WriteLine(path + ": " + style.Yellow("repairable") + ", " + Formats.Count(messages, "message") + " after repair");
        if (summary.TornTail is { } torn)
        {
            output.WriteLine("  torn last " + Locations.Where(torn) + ": " + torn.Reason);
        }

        if (summary.DroppedTurn is { } turn)
        {
            output.WriteLine("  unanswered tool turn at " + Locations.Where(turn) + ": " + turn.Reason + "; " + Formats.Count(summary.DroppedMessageCount, "message") + " dropped from there on");
        }

        if (summary.TornTail is { } tail)
        {
            output.WriteLine("  'rho-fast repair " + path + "' cuts the torn " + Formats.Size(size - tail.ByteOffset) + " off the end into " + path + ".dropped");
        }

        if (summary.UnansweredToolCallIds.Count > 0)
        {
            output.WriteLine("  'rho-fast repair " + path + "' answers " + Formats.Count(summary.UnansweredToolCallIds.Count, "unanswered tool call") + " as interrupted");
        }
        else if (summary.DroppedTurn is not null)
        {
            output.WriteLine("  more entries follow the turn, so 'rho-fast repair' leaves it: it never cuts complete entries");
        }

        return Repairable;
    }

    private static async Task ReportCorruptAsync(TextWriter output, string path, SessionFormatException error, int maxLineLength, Style style, CancellationToken cancellationToken)
    {
        SessionReadSummary salvage;
        try
        {
            (_, salvage) = await MessageCount.ReadAsync(path, CommonOptions.Reading(maxLineLength, SessionRecovery.Salvage), cancellationToken);
        }
        catch (SessionFormatException)
        {
            // Not even salvage can read it (a line past the length limit): the first error is all there is.
            output.WriteLine(path + ": " + style.Red("corrupt") + ": " + Locations.Where(error) + ": " + Locations.Reason(error));
            return;
        }

        int damaged = salvage.SkippedLines.Count + salvage.RecoveredLines.Count;
        output.WriteLine(path + ": " + style.Red("corrupt") + ", " + Formats.Count(damaged, "damaged line") + ", first at " + Locations.Where(error));
        var lines = new CappedLines(output, "  ", "damaged line", "damaged lines");
        foreach (SessionLineIssue bad in InLineOrder(salvage.SkippedLines, salvage.RecoveredLines))
        {
            lines.WriteLine(Locations.Where(bad) + ": " + bad.Reason + Preview(bad, style));
        }

        lines.End();
        var unknown = new CappedLines(output, "  ", "entry of a newer format", "entries of a newer format");
        foreach (SessionLineIssue entry in salvage.UnknownEntries)
        {
            unknown.WriteLine(Locations.Where(entry) + ": complete, kept by salvage: " + entry.Reason);
        }

        unknown.End();
        if (salvage.DroppedTurn is { } turn)
        {
            output.WriteLine("  unanswered tool turn at " + Locations.Where(turn) + ": " + turn.Reason);
        }

        output.WriteLine("  " + SalvageAdvice(path, salvage));
    }

    /// <summary>
    /// What <c>repair --salvage</c> would do, in its terms: it keeps entries (not only the messages a
    /// reader shows) and drops only torn lines, but leaves alone a file that may not be a session.
    /// </summary>
    private static string SalvageAdvice(string path, SessionReadSummary salvage)
    {
        if (salvage.EntryCount == 0)
        {
            return "no complete entry in it, so it may not be a session file: 'rho-fast repair --salvage' leaves it alone";
        }

        string keeps = "keeps every complete entry (" + Formats.Count(salvage.EntryCount, "entry", "entries")
            + ") and drops only the torn lines, appending their bytes to " + path + ".dropped";
        bool headerFirst = (salvage.Header is not null || salvage.FormatVersion is not null) && salvage.SkippedLines is not [{ LineNumber: 1 }, ..];
        return headerFirst
            ? "'rho-fast repair --salvage " + path + "' " + keeps
            : "it does not begin with a session header, so 'rho-fast repair --salvage' leaves it alone; with --force it " + keeps;
    }

    /// <summary>Skipped and recovered lines merged by line number, as they appear in the file.</summary>
    private static IEnumerable<SessionLineIssue> InLineOrder(IReadOnlyList<SessionLineIssue> skipped, IReadOnlyList<SessionLineIssue> recovered)
    {
        int i = 0;
        int j = 0;
        while (i < skipped.Count || j < recovered.Count)
        {
            yield return j >= recovered.Count || (i < skipped.Count && skipped[i].LineNumber < recovered[j].LineNumber) ? skipped[i++] : recovered[j++];
        }
    }

    private static string Preview(SessionLineIssue line, Style style) =>
        line.Preview is { Length: > 0 } preview ? style.Dim("  | " + Formats.Cut(Printable.Line(preview), PreviewColumns)) : "";
}

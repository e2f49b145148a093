using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast repair FILE [--salvage] [--force]</c>: the store's repair on resume (cut a torn last
/// line, answer a tool turn the file ends inside as interrupted), or with <c>--salvage</c> an atomic
/// rewrite without the torn lines. Either way only torn bytes are removed, into <c>FILE.dropped</c>;
/// a newer format, or a file that does not look like a session, is left alone.
/// </summary>
internal static class RepairCommand
{
    public const int Repaired = 0;
    public const int NeedsSalvage = 1;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The session file; nothing else may be appending to it." }.RejectOptionLike();
        var salvage = new Option<bool>("--salvage") { Description = "Rewrite the file without its torn lines, even when lines before the end are damaged." };
        var force = new Option<bool>("--force") { Description = "Repair even a file that does not begin with a session header, or (with --salvage) one where nothing would be kept or of a newer format." };
        Option<int> maxLineLength = CommonOptions.MaxLineLength();
        var command = new Command(
            "repair",
            "Repair a session file in place, removing only torn bytes, each appended to FILE.dropped.")
        {
            file, salvage, force, maxLineLength,
        };
        HelpNotes.Set(command,
            "Without --salvage: cut a torn last line off the end and answer a tool turn the file ends inside with failed\n" +
            "  'interrupted' results, as resuming a session does.\n" +
            "With --salvage: rewrite the file atomically without its torn lines, recovering entries glued to torn ones.\n" +
            "Complete entries are never removed. A file in a format this version does not read (a newer rho's) is left alone.\n" +
            "The file keeps its permissions; FILE.dropped is created owner-only (0600).\n" +
            "Exit codes: 0 done (or nothing to do); 1 corrupt before the last line, left unchanged: use --salvage; 2 no such file, or a mistake;\n" +
            "  3 left unchanged: the repair would remove complete entries, or the file does not look like a session (see --force);\n" +
            "  4 left unchanged: a format this version does not read.");
        CommandAction.Set(command, console, (result, cancellationToken) =>
        {
            SessionReadOptions reading = CommonOptions.Reading(result.GetValue(maxLineLength));
            return result.GetValue(salvage)
                ? SalvageAsync(console, result.GetValue(file)!, reading, result.GetValue(force), cancellationToken)
                : RepairAsync(console, result.GetValue(file)!, reading, result.GetValue(force), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RepairAsync(CliConsole console, string path, SessionReadOptions reading, bool force, CancellationToken cancellationToken)
    {
        if (InputFiles.Problem(path) is { } problem)
        {
            return console.Fail(problem);
        }

        SessionReadResult read;
        SessionRepair? repair;
        try
        {
            (read, repair) = await SessionFiles.RepairAsync(path, reading, force, cancellationToken);
        }
        catch (SessionFormatException e)
        {
            console.Out.WriteLine(path + ": corrupt, left unchanged: " + Locations.Where(e) + ": " + Locations.Reason(e));
            console.Out.WriteLine("  'rho-fast repair --salvage " + path + "' keeps every readable entry");
            return NeedsSalvage;
        }

        TextWriter output = console.Out;
        if (repair is null)
        {
            output.WriteLine(path + ": nothing to repair, " + Formats.Count(read.Messages.Count, "message"));
            return Repaired;
        }

        output.WriteLine(path + ": repaired, " + Formats.Count(read.Messages.Count, "message") + " kept");
        if (read.Summary.TornTail is { } torn && repair.BackupPath is not null)
        {
            output.WriteLine("  cut the torn last " + Locations.Where(torn) + ": " + torn.Reason);
            output.WriteLine("  truncated from " + Formats.Number(repair.TruncatedFrom) + " to " + Formats.Number(repair.TruncatedTo) + " bytes");
            output.WriteLine("  the cut bytes were appended to " + repair.BackupPath);
        }

        if (repair.InterruptedToolCallIds.Count > 0)
        {
            output.WriteLine("  answered " + Formats.Count(repair.InterruptedToolCallIds.Count, "unanswered tool call") + " with a failed result ('"
                + SessionRepair.InterruptedResultText + "'): " + string.Join(", ", repair.InterruptedToolCallIds));
        }

        return Repaired;
    }

    private static async Task<int> SalvageAsync(CliConsole console, string path, SessionReadOptions reading, bool force, CancellationToken cancellationToken)
    {
        if (InputFiles.Problem(path) is { } problem)
        {
            return console.Fail(problem);
        }

        SalvageResult result = await SessionFiles.SalvageAsync(path, reading, force, cancellationToken);
        TextWriter output = console.Out;
        SessionReadSummary summary = result.Summary;
        if (result.BackupPath is null && summary.RecoveredLines.Count == 0)
        {
            output.WriteLine(path + ": nothing to salvage, " + Formats.Count(result.KeptEntries, "entry", "entries") + " kept");
            await ReportOpenTurnAsync(output, path, reading, cancellationToken);
            return Repaired;
        }

        output.WriteLine(path + ": salvaged, " + Formats.Count(result.KeptEntries, "entry", "entries") + " kept");
        var dropped = new CappedLines(output, "  ", "dropped line", "dropped lines");
        foreach (SessionLineIssue bad in summary.SkippedLines)
        {
            dropped.WriteLine("dropped " + Locations.Where(bad) + ": " + bad.Reason);
        }

        dropped.End();
        var recovered = new CappedLines(output, "  ", "recovered line", "recovered lines");
        foreach (SessionLineIssue bad in summary.RecoveredLines)
        {
            recovered.WriteLine("recovered " + Locations.Where(bad) + ": " + bad.Reason);
        }

        recovered.End();
        var kept = new CappedLines(output, "  ", "entry of a newer format kept", "entries of a newer format kept");
        foreach (SessionLineIssue unknown in summary.UnknownEntries)
        {
            kept.WriteLine("kept " + Locations.Where(unknown) + " as it is: " + unknown.Reason);
        }

        kept.End();

        if (result.BackupPath is not null)
        {
            output.WriteLine("  " + Formats.Count(result.DroppedBytes, "byte") + " dropped, appended to " + result.BackupPath);
        }

        await ReportOpenTurnAsync(output, path, reading, cancellationToken);
        return Repaired;
    }

    /// <summary>
    /// Salvage keeps entries, not turns: dropping a tool result can leave its call unanswered, and
    /// readers then leave out everything from that call on. Say so, and whether plain repair helps.
    /// </summary>
    private static async Task ReportOpenTurnAsync(TextWriter output, string path, SessionReadOptions reading, CancellationToken cancellationToken)
    {
        SessionReadSummary summary;
        try
        {
            (_, summary) = await MessageCount.ReadAsync(path, reading, cancellationToken);
        }
        catch (UnsupportedSessionFormatException)
        {
            // A forced salvage of a newer format: its turns are not ours to judge.
            return;
        }

        if (summary.DroppedTurn is { } turn)
        {
            string advice = summary.UnansweredToolCallIds.Count > 0
                ? "; 'rho-fast repair " + path + "' answers its calls as interrupted"
                : "";
            output.WriteLine("  an unanswered tool turn remains at " + Locations.Where(turn) + ": readers leave out the "
                + Formats.Count(summary.DroppedMessageCount, "message") + " from there on" + advice);
        }
    }
}

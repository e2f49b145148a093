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
        var file = new Argument<string>("FILE") { Description = "The session file; nothing else may be appending to it." };
        var salvage = new Option<bool>("--salvage") { Description = "Rewrite the file without its torn lines, even when lines before the end are damaged." };
        var force = new Option<bool>("--force") { Description = "Repair even a file that does not begin with a session header, or (with --salvage) one where nothing would be kept or of a newer format." };
        var command = new Command(
            "repair",
            "Repair a session file in place, removing only torn bytes, each appended to FILE.dropped.")
        {
            file, salvage, force,
        };
        HelpNotes.Set(command,
            "Without --salvage: cut a torn last line off the end and answer a tool turn the file ends inside with failed\n" +
            "  'interrupted' results, as resuming a session does.\n" +
            "With --salvage: rewrite the file atomically without its torn lines, recovering entries glued to torn ones.\n" +
            "Complete entries are never removed. A file in a format this version does not read (a newer rho's) is left alone.\n" +
            "The file keeps its permissions; FILE.dropped is created owner-only (0600).\n" +
            "Exit codes: 0 done (or nothing to do); 1 corrupt before the last line, left unchanged: use --salvage; 2 no such file;\n" +
            "  3 left unchanged: the repair would remove complete entries, or the file does not look like a session (see --force);\n" +
            "  4 left unchanged: a format this version does not read.");
        CommandAction.Set(command, console, (result, cancellationToken) =>
            result.GetValue(salvage)
                ? SalvageAsync(console, result.GetValue(file)!, result.GetValue(force), cancellationToken)
                : RepairAsync(console, result.GetValue(file)!, result.GetValue(force), cancellationToken));
        return command;
    }

    private static async Task<int> RepairAsync(CliConsole console, string path, bool force, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return console.Fail("no such file: " + path);
        }

        SessionReadResult read;
        SessionRepair? repair;
        try
        {
            (read, repair) = await SessionFiles.RepairAsync(path, force, cancellationToken);
        }
        catch (SessionFormatException e)
        {
            console.Out.WriteLine(path + ": corrupt, left unchanged: line " + e.LineNumber + " (byte offset " + e.LineOffset + "): " + e.Reason);
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
            output.WriteLine("  cut the torn last line " + torn.LineNumber + " (byte offset " + torn.ByteOffset + "): " + torn.Reason);
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

    private static async Task<int> SalvageAsync(CliConsole console, string path, bool force, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return console.Fail("no such file: " + path);
        }

        SalvageResult result = await SessionFiles.SalvageAsync(path, force: force, cancellationToken: cancellationToken);
        TextWriter output = console.Out;
        SessionReadSummary summary = result.Summary;
        if (result.BackupPath is null && summary.RecoveredLines.Count == 0)
        {
            output.WriteLine(path + ": nothing to salvage, " + Formats.Count(result.KeptEntries, "entry", "entries") + " kept");
            await ReportOpenTurnAsync(output, path, cancellationToken);
            return Repaired;
        }

        output.WriteLine(path + ": salvaged, " + Formats.Count(result.KeptEntries, "entry", "entries") + " kept");
        foreach (SessionLineIssue bad in summary.SkippedLines)
        {
            output.WriteLine("  dropped line " + bad.LineNumber + " (byte offset " + bad.ByteOffset + "): " + bad.Reason);
        }

        foreach (SessionLineIssue bad in summary.RecoveredLines)
        {
            output.WriteLine("  recovered line " + bad.LineNumber + " (byte offset " + bad.ByteOffset + "): " + bad.Reason);
        }

        foreach (SessionLineIssue unknown in summary.UnknownEntries)
        {
            output.WriteLine("  kept line " + unknown.LineNumber + " (byte offset " + unknown.ByteOffset + ") as it is: " + unknown.Reason);
        }

        if (result.BackupPath is not null)
        {
            output.WriteLine("  " + Formats.Count(result.DroppedBytes, "byte") + " dropped, appended to " + result.BackupPath);
        }

        await ReportOpenTurnAsync(output, path, cancellationToken);
        return Repaired;
    }

    /// <summary>
    /// Salvage keeps entries, not turns: dropping a tool result can leave its call unanswered, and
    /// readers then leave out everything from that call on. Say so, and whether plain repair helps.
    /// </summary>
    private static async Task ReportOpenTurnAsync(TextWriter output, string path, CancellationToken cancellationToken)
    {
        SessionReadSummary summary;
        try
        {
            (_, summary) = await MessageCount.ReadAsync(path, null, cancellationToken);
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
            output.WriteLine("  an unanswered tool turn remains at line " + turn.LineNumber + " (byte offset " + turn.ByteOffset + "): readers leave out the "
                + Formats.Count(summary.DroppedMessageCount, "message") + " from there on" + advice);
        }
    }
}

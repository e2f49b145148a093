using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast repair FILE [--salvage]</c>: the store's repair on resume (cut a torn last line or an
/// unanswered tool turn off the end), or with <c>--salvage</c> an atomic rewrite that keeps every
/// readable entry. Either way the removed bytes are appended to <c>FILE.dropped</c>.
/// </summary>
internal static class RepairCommand
{
    public const int Repaired = 0;
    public const int NeedsSalvage = 1;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The session file; nothing else may be appending to it." };
        var salvage = new Option<bool>("--salvage") { Description = "Rewrite the file keeping every readable entry, even when lines before the end are damaged." };
        var command = new Command(
            "repair",
            "Repair a session file in place, appending every removed byte to FILE.dropped.")
        {
            file, salvage,
        };
        HelpNotes.Set(command,
            "Without --salvage: cut a torn last line or an unanswered tool turn off the end, as resuming a session does.\n" +
            "With --salvage: rewrite the file atomically without its unreadable lines, recovering entries glued to damaged ones.\n" +
            "Exit codes: 0 done (or nothing to do); 1 corrupt before the last line, left unchanged: use --salvage; 2 no such file.");
        CommandAction.Set(command, console, (result, cancellationToken) =>
            result.GetValue(salvage)
                ? SalvageAsync(console, result.GetValue(file)!, cancellationToken)
                : RepairAsync(console, result.GetValue(file)!, cancellationToken));
        return command;
    }

    private static async Task<int> RepairAsync(CliConsole console, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return console.Fail("no such file: " + path);
        }

        SessionReadResult read;
        SessionRepair? repair;
        try
        {
            (read, repair) = await SessionFiles.RepairAsync(path, cancellationToken);
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
        if (read.Summary.TornTail is { } torn)
        {
            output.WriteLine("  cut the torn last line " + torn.LineNumber + " (byte offset " + torn.ByteOffset + "): " + torn.Reason);
        }

        if (read.Summary.DroppedTurn is { } turn)
        {
            output.WriteLine("  cut the unanswered tool turn at line " + turn.LineNumber + " (byte offset " + turn.ByteOffset + ") and what followed: "
                + Formats.Count(read.Summary.DroppedMessageCount, "message"));
        }

        output.WriteLine("  truncated from " + Formats.Number(repair.TruncatedFrom) + " to " + Formats.Number(repair.TruncatedTo) + " bytes");
        output.WriteLine("  the cut bytes were appended to " + repair.BackupPath);
        return Repaired;
    }

    private static async Task<int> SalvageAsync(CliConsole console, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return console.Fail("no such file: " + path);
        }

        SalvageResult result = await SessionFiles.SalvageAsync(path, cancellationToken: cancellationToken);
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

        if (result.BackupPath is not null)
        {
            output.WriteLine("  " + Formats.Count(result.DroppedBytes, "byte") + " dropped, appended to " + result.BackupPath);
        }

        await ReportOpenTurnAsync(output, path, cancellationToken);
        return Repaired;
    }

    /// <summary>
    /// Salvage keeps entries, not turns: dropping a tool result can leave its call unanswered, and
    /// readers then leave out everything from that call on. Say so, since plain repair cuts it.
    /// </summary>
    private static async Task ReportOpenTurnAsync(TextWriter output, string path, CancellationToken cancellationToken)
    {
        (_, SessionReadSummary summary) = await MessageCount.ReadAsync(path, null, cancellationToken);
        if (summary.DroppedTurn is { } turn)
        {
            output.WriteLine("  an unanswered tool turn remains at line " + turn.LineNumber + " (byte offset " + turn.ByteOffset + "): readers leave out the "
                + Formats.Count(summary.DroppedMessageCount, "message") + " from there on; 'rho-fast repair " + path + "' cuts them off");
        }
    }
}

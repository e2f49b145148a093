using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast bench [FILE] [--json]</c>: a quick in-process throughput check (the repaired read,
/// serialization, durable appends) of a session file, or of a generated one in a temporary folder.
/// </summary>
internal static class BenchCommand
{
    private const int DefaultMessages = 5000;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string?>("FILE") { Description = "The session file to measure (default: a generated one).", Arity = ArgumentArity.ZeroOrOne }.RejectOptionLike();
        var json = new Option<bool>("--json") { Description = "Print one JSON object per measurement: {\"name\",\"bytes\",\"median_s\",\"mb_per_s\"}." };
        Option<int> iterations = WholeNumberOption.Create("--iterations", null, 1, int.MaxValue, "Timed runs per measurement; the median is reported.", "N");
        iterations.DefaultValueFactory = _ => 5;
        Option<int> messages = WholeNumberOption.Create("--messages", "-n", 1, int.MaxValue, "Without FILE: messages in the generated session.", "N");
        messages.DefaultValueFactory = _ => DefaultMessages;
        Option<int> maxLineLength = CommonOptions.MaxLineLength();
        var command = new Command("bench", "Measure read (kept, decoded, streamed), serialize and durable append throughput in-process, on FILE or on a generated session.")
        {
            file, json, iterations, messages, maxLineLength,
        };
        HelpNotes.Set(command,
            "Without --json, progress goes to stderr and a table to stdout. Appends are flushed to disk (fdatasync) one by one,\n" +
            "in a temporary store under the system temp folder, so their rate is the disk's.");
        CommandAction.Set(command, console, (result, cancellationToken) =>
            RunAsync(console, result.GetValue(file), result.GetValue(json), result.GetValue(iterations), result.GetValue(messages),
                CommonOptions.Reading(result.GetValue(maxLineLength)), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsole console, string? file, bool json, int iterations, int messages, SessionReadOptions reading, CancellationToken cancellationToken)
    {
        if (file is not null && InputFiles.Problem(file) is { } problem)
        {
            return console.Fail(problem);
        }

        string? scratch = null;
        try
        {
            if (file is null)
            {
                scratch = Directory.CreateTempSubdirectory("rho-fast-bench-").FullName;
                file = Path.Combine(scratch, "bench.jsonl");
                string target = file;
                await Step(console, json, "generating " + Formats.Count(messages, "message"), () => Task.FromResult(SyntheticSession.WriteFile(target, messages, GenCommand.DefaultSeed)));
            }

            else if ((await MessageCount.ReadAsync(file, reading, cancellationToken)).Messages == 0)
            {
                // Nothing to serialize or append from: every rate would be 0 or a division by zero.
                return console.Fail("nothing to measure: " + file + " holds no messages");
            }

            IReadOnlyList<ThroughputMeasurement> measurements = await Step(
                console, json, "measuring " + file + " (" + Formats.Size(new FileInfo(file).Length) + ", " + Formats.Count(iterations, "run") + " each)",
                () => ThroughputProbe.RunAsync(file, iterations, scratchDirectory: scratch, options: reading, cancellationToken: cancellationToken));

            if (json)
            {
                Throughput.WriteJsonLines(console.RawOut(), measurements);
            }
            else
            {
                Throughput.WriteTable(console.Out, measurements, new Style(console.Color));
            }

            return ExitCodes.Ok;
        }
        catch (SessionFormatException e)
        {
            return console.Fail(Locations.Describe(e) + " (only the last line may be unreadable; see 'rho-fast check')", ExitCodes.Unreadable);
        }
        finally
        {
            if (scratch is not null)
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>Runs a step with progress on stderr, or silently with <c>--json</c> so the output stays machine-readable.</summary>
    private static Task<T> Step<T>(CliConsole console, bool json, string name, Func<Task<T>> work) =>
        json ? work() : ElapsedProgress.RunAsync(console.Error, console.ErrorIsTerminal, name, work);
}

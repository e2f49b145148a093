using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Cli.Commands;

/// <summary>
/// <c>rho-fast demo</c>: in a temporary store, a session is written, torn by a simulated crash,
/// resumed (the store cuts the torn line off and keeps its bytes), extended and resumed again to
/// show that nothing was lost; then a quick throughput measurement. Everything is removed after.
/// </summary>
internal static class DemoCommand
{
    private const int Messages = 400;
    private const ulong Seed = 7;
    private const int ThroughputMessages = 5000;
    private const int ThroughputRuns = 5;

    public static Command Create(CliConsole console)
    {
        var command = new Command(
            "demo",
            "Show crash recovery end to end in a temporary store: write a session, tear its last line, resume (the store repairs it), " +
            "append more, resume again with nothing lost, and measure read/write throughput. Removes everything it made.");
        CommandAction.Set(command, console, (_, cancellationToken) => RunAsync(console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, CancellationToken cancellationToken)
    {
        string root = Path.Combine(Path.GetTempPath(), "rho-fast-demo-" + Guid.NewGuid().ToString("N")[..8]);
        var style = new Style(console.Color);
        try
        {
            return await RunInAsync(console, style, root, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            console.Out.WriteLine();
            console.Out.WriteLine(style.Dim("Removed " + root + "."));
        }
    }

    private static async Task<int> RunInAsync(CliConsole console, Style style, string root, CancellationToken cancellationToken)
    {
        TextWriter output = console.Out;
        var store = new SessionStore(root);
        string cwd = CommonOptions.Workspace(null);
        output.WriteLine(style.Bold("A session torn by a crash, repaired on resume") + style.Dim("  (temporary store " + root + ")"));
        output.WriteLine();

        // 1. A session with a generated conversation, appended durably.
        var expected = new List<Message>(SyntheticSession.Messages(Messages, Seed));
        string id;
        string path;
        using (Session session = store.Create(cwd))
        {
            session.AppendRange(expected);
            id = session.Id;
            path = session.Path;
        }

        string prefix = id[..8];
        Step(output, style, 1, "Created session " + style.Yellow(prefix) + " and appended " + Formats.Count(expected.Count, "message") + " of a generated coding conversation");
        Detail(output, style, path + ", " + Formats.Size(new FileInfo(path).Length));
        await output.FlushAsync(cancellationToken);

        // 2. A crash in the middle of the next append: half a line, no newline.
        byte[] next = Wire.SerializeToUtf8Bytes(new SessionEntry.MessageEntry(Now(), Message.UserText("Now run the whole test suite, please.")));
        int half = next.Length / 2;
        await using (var file = new FileStream(path, FileMode.Append, FileAccess.Write))
        {
            await file.WriteAsync(next.AsMemory(0, half), cancellationToken);
        }

        Step(output, style, 2, "Crash: the next append stopped after " + Formats.Number(half) + " of its " + Formats.Number(next.Length) + " bytes");
        Detail(output, style, "a reader skips the torn line; an append behind it would be lost to the next read");

        // 3. Resume: the store reads the repaired history and cuts the file back to it.
        var followUp = new List<Message>
        {
            Message.UserText("Now run the whole test suite, please."),
            new Message.Assistant([new ContentBlock.ToolCall(new ToolInvocation("call_demo_1", "bash", RawJson.Parse("{\"command\":\"cargo test --workspace\"}")))]),
            Message.ToolResultFor("call_demo_1", true, "test result: ok. 212 passed; 0 failed; 0 ignored"),
            Message.AssistantText("All 212 tests pass."),
        };
        using (ResumedSession resumed = await store.ResumeAsync(cwd, prefix, cancellationToken))
        {
            Step(output, style, 3, "Resumed " + style.Yellow(prefix) + ": " + Formats.Count(resumed.Messages.Count, "message") + " read");
            if (resumed.Repair is { } repair)
            {
                string line = resumed.Summary.TornTail is { } torn ? " (line " + torn.LineNumber + ")" : "";
                Detail(output, style, "torn tail cut" + line + ": " + Formats.Number(repair.TruncatedFrom) + " → " + Formats.Number(repair.TruncatedTo) + " bytes");
                Detail(output, style, "cut bytes kept in " + repair.BackupPath);
            }
            else
            {
                Detail(output, style, "nothing needed repair");
            }

            // 4. Keep going: the new entries land right after the last valid line.
            resumed.Session.AppendRange(followUp);
        }

        expected.AddRange(followUp);
        using (ResumedSession again = await store.ResumeAsync(cwd, prefix, cancellationToken))
        {
            bool same = expected.SequenceEqual(again.Messages);
            Step(output, style, 4, "Appended " + Formats.Count(followUp.Count, "message") + " (a tool turn) and resumed again: " + Formats.Count(again.Messages.Count, "message"));
            if (!same || again.Repair is not null)
            {
                Detail(output, style, style.Red("the history differs from what was appended"));
                return 1;
            }

            Detail(output, style, style.Green("✓") + " every acknowledged message is there, nothing to repair");
        }

        // 5. A quick measurement on a larger generated session, in the same temporary folder.
        await output.FlushAsync(cancellationToken);
        string sample = Path.Combine(root, "throughput.jsonl");
        long size = SyntheticSession.WriteFile(sample, ThroughputMessages, Seed);
        IReadOnlyList<ThroughputMeasurement> measurements = await ThroughputProbe.RunAsync(sample, ThroughputRuns, appendCount: 50, scratchDirectory: root, cancellationToken: cancellationToken);
        Step(output, style, 5, "Throughput on this machine, " + Formats.Count(ThroughputMessages, "message") + " (" + Formats.Size(size) + ")");
        Detail(output, style, Throughput.OneLine(measurements));
        Detail(output, style, "append: one durable write per message; 'rho-fast bench' measures more");
        return ExitCodes.Ok;
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static void Step(TextWriter output, Style style, int number, string text) => output.WriteLine(style.Bold(number + ".") + " " + text);

    private static void Detail(TextWriter output, Style style, string text) => output.WriteLine("   " + style.Dim("·") + " " + text);
}

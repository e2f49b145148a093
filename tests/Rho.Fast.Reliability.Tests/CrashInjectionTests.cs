using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.CrashWorker;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// A writer process killed with SIGKILL at random moments, over and over, on fresh and resumed
/// sessions: no acknowledged entry is ever lost, the repaired history is always a prefix of what
/// was sent, and what was appended after one resume is there at the next.
/// </summary>
public sealed class CrashInjectionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public void Acknowledged_appends_survive_hundreds_of_kills_across_fresh_and_resumed_sessions()
    {
        int chains = 4;
        int sessionsPerChain = LongRun.Pick(5, 20);
        int killsPerSession = LongRun.Pick(11, 25);
        ulong seed = LongRun.Seed;
        using var scratch = new ScratchDirectory();
        var totals = new Tally();
        var watch = Stopwatch.StartNew();

        Parallel.For(0, chains, new ParallelOptions { MaxDegreeOfParallelism = chains }, chain =>
        {
            var random = new Random(unchecked((int)seed) ^ (chain * 7919));
            for (int s = 0; s < sessionsPerChain; s++)
            {
                string root = scratch.Combine("root");
                string cwd = scratch.Combine("work", chain.ToString(CultureInfo.InvariantCulture), s.ToString(CultureInfo.InvariantCulture));
                var script = new CrashScript(seed + (ulong)(chain * 1000 + s));
                RunSession(root, cwd, script, killsPerSession, random, totals);
            }
        });

        RunSummary.Write(output, string.Format(
            CultureInfo.InvariantCulture,
            "crash injection: {0} SIGKILLs on {1} sessions ({2} of them before the writer was ready: in start-up, create, or the repair a resume does), {3} acknowledged appends, {4} entries lost, {5} torn tails cut, {6} unanswered tool turns dropped, {7} repairs left to the next writer, seed {8}, {9:F1} s",
            totals.Kills, chains * sessionsPerChain, totals.KilledBeforeReady, totals.Acknowledged, totals.Lost, totals.TornTails, totals.DroppedTurns, totals.RepairsByWorker, seed, watch.Elapsed.TotalSeconds));
        Assert.Equal(0, totals.Lost);
        Assert.Equal(chains * sessionsPerChain * killsPerSession, totals.Kills);

        // The kills must have landed inside tool turns and between many appends, or the test proved little.
        Assert.True(totals.DroppedTurns > 0, "no kill landed inside a tool turn");
        Assert.True(totals.Acknowledged > totals.Kills, "too few appends were acknowledged between kills");
    }

    private static void RunSession(string root, string cwd, CrashScript script, int kills, Random random, Tally totals)
    {
        var store = new SessionStore(root);
        int acknowledgedBoundary = 0;
        for (int round = 0; round < kills; round++)
        {
            // Most kills wait for the writer to be appending; some land anywhere from start-up on,
            // inside creating the file or inside the repair a resume does.
            bool early = random.Next(10) == 0;
            int delayMs = early ? random.Next(0, 400) : random.Next(0, 60);
            List<string> lines;
            using (WorkerProcess worker = WorkerProcess.Start("crash", root, cwd, script.Seed.ToString(CultureInfo.InvariantCulture)))
            {
                lines = new List<string>();
                if (!early)
                {
                    string? line;
                    while ((line = worker.ReadLine(Patience)) is not null)
                    {
                        lines.Add(line);
                        if (line.StartsWith("ready ", StringComparison.Ordinal))
                        {
                            break;
                        }
                    }

                    Assert.True(line is not null, "the writer ended before it was ready: " + worker.Stderr);
                }

                Thread.Sleep(delayMs);
                Assert.False(worker.HasExited, "the writer died on its own: " + worker.Stderr);
                worker.Kill();
                lines.AddRange(worker.WaitForExit(Patience));
                Assert.True(worker.ExitCode != 0, "the writer exited normally instead of being killed");
            }

            totals.Add(ref totals.Kills, 1);
            int ready = -1;
            int acked = -1;
            foreach (string line in lines)
            {
                if (line.StartsWith("ready ", StringComparison.Ordinal))
                {
                    ready = int.Parse(line.AsSpan(6), CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    int index = int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture);
                    Assert.Equal(acked < 0 ? ready : acked + 1, index);
                    acked = index;
                    totals.Add(ref totals.Acknowledged, 1);
                }
            }

            if (ready < 0)
            {
                totals.Add(ref totals.KilledBeforeReady, 1);
            }
            else
            {
                // The writer resumed from exactly what the previous check accepted.
                Assert.Equal(acknowledgedBoundary, ready);
            }

            int sent = acked + 1;
            acknowledgedBoundary = Check(store, cwd, script, sentAtLeast: Math.Max(sent, acknowledgedBoundary), repairNow: random.Next(4) != 0, totals);
        }
    }

    /// <summary>Checks the file after a kill and returns the length of the history it holds.</summary>
    private static int Check(SessionStore store, string cwd, CrashScript script, int sentAtLeast, bool repairNow, Tally totals)
    {
        IReadOnlyList<SessionInfo> sessions = store.List(cwd);
        if (sessions.Count == 0)
        {
            // Killed before the file was created.
            Assert.Equal(0, sentAtLeast);
            return 0;
        }

        Assert.Single(sessions);
        string path = sessions[0].Path;
        byte[] before = File.ReadAllBytes(path);
        IReadOnlyList<Message> history;
        int closedByNextResume = 0;
        if (repairNow)
        {
            using ResumedSession resumed = store.Resume(cwd, "");
            history = resumed.Messages;
            CountRepair(resumed.Summary, totals);
            if (resumed.Repair is { } repair)
            {
                // Only the torn bytes are cut, and kept; what follows them is the interrupted results.
                byte[] after = File.ReadAllBytes(path);
                Assert.Equal(before.AsSpan(0, (int)repair.TruncatedTo).ToArray(), after.AsSpan(0, (int)repair.TruncatedTo).ToArray());
                Assert.Equal(repair.InterruptedToolCallIds.Count, after.AsSpan((int)repair.TruncatedTo).Count((byte)'\n') - (EndsWithNewline(before, repair.TruncatedTo) ? 0 : 1));
                if (repair.BackupPath is not null)
                {
                    byte[] sidecar = File.ReadAllBytes(repair.BackupPath);
                    byte[] cut = before.AsSpan((int)repair.TruncatedTo).ToArray();
                    Assert.True(EndsWith(sidecar, cut) || EndsWith(sidecar, [.. cut, (byte)'\n']), "the sidecar does not end with the bytes cut from the file");
                }
            }
        }
        else
        {
            // Leave the repair to the next writer, so that some kills land inside it.
            SessionReadResult read = SessionReader.ReadMessagesAsync(path).GetAwaiter().GetResult();
            history = read.Messages;
            CountRepair(read.Summary, totals);
            if (read.Summary.UnansweredToolCallIds.Count > 0)
            {
                // The next writer's resume keeps the open turn and answers what is missing.
                closedByNextResume = (int)read.Summary.DroppedMessageCount + read.Summary.UnansweredToolCallIds.Count;
            }
            if (read.Summary.WasRepaired)
            {
                totals.Add(ref totals.RepairsByWorker, 1);
            }
        }

        int length = history.Count;
        bool interrupted = false;
        for (int i = 0; i < length; i++)
        {
            // Resuming answers the calls a kill left open with failed results, one per missing result.
            if (IsInterruptedResultFor(history[i], script[i]))
            {
                interrupted = true;
            }
            else if (!Equals(history[i], script[i]))
            {
                Assert.Fail("message " + i + " of the history is not what was sent");
            }
        }

        Assert.True(script.IsUnitBoundary(length), "the history ends inside a tool turn at " + length);

        // Every acknowledged message is there, except an acknowledged but unanswered tool turn at
        // the end, which repair drops by design (and the next writer sends again).
        // A turn left open for the next writer counts as kept: its resume closes it before anything else.
        int mustHave = script.BoundaryAtOrBelow(sentAtLeast);
        if (length + closedByNextResume < mustHave)
        {
            totals.Add(ref totals.Lost, mustHave - length - closedByNextResume);
        }

        // At most the one append in flight when the kill came can be there unacknowledged, with the
        // interrupted results that close its turn.
        int most = interrupted ? script.BoundaryAtOrAbove(sentAtLeast + 1) : script.BoundaryAtOrBelow(sentAtLeast + 1);
        Assert.True(length <= most, "the history holds " + length + " messages, more than the " + (sentAtLeast + 1) + " that can have been written");
        return length + closedByNextResume;
    }

    private static bool IsInterruptedResultFor(Message inHistory, Message sent) =>
        inHistory is Message.ToolResult { Result: { Ok: false } placeholder }
        && placeholder.Content.Equals(SessionRepair.InterruptedResultText)
        && sent is Message.ToolResult { Result.Id: var id }
        && placeholder.Id == id;

    private static bool EndsWithNewline(byte[] bytes, long length) => length == 0 || bytes[length - 1] == (byte)'\n';

    private static void CountRepair(SessionReadSummary summary, Tally totals)
    {
        if (summary.TornTail is not null)
        {
            totals.Add(ref totals.TornTails, 1);
        }

        if (summary.DroppedTurn is not null)
        {
            totals.Add(ref totals.DroppedTurns, 1);
        }
    }

    private static bool EndsWith(byte[] haystack, byte[] suffix) => haystack.AsSpan().EndsWith(suffix);

    private sealed class Tally
    {
        public int Kills;
        public int KilledBeforeReady;
        public int Acknowledged;
        public int Lost;
        public int TornTails;
        public int DroppedTurns;
        public int RepairsByWorker;

        public void Add(ref int counter, int amount) => Interlocked.Add(ref counter, amount);
    }
}

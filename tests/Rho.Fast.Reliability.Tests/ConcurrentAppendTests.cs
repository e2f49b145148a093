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
/// Several processes appending to one session at once, and readers reading it meanwhile: every
/// line is whole, no entry is lost or interleaved with another, each writer's entries keep their
/// order, and a reader never fails.
/// </summary>
public sealed class ConcurrentAppendTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Concurrent_writer_processes_lose_nothing_interleave_nothing_and_keep_each_writers_order(int writers)
    {
        int count = LongRun.Pick(500, 5000);
        using var scratch = new ScratchDirectory();
        (string root, string cwd, string id, string path) = NewSession(scratch);

        var watch = Stopwatch.StartNew();
        RunWriters(root, cwd, id, writers, count, padding: 0);
        watch.Stop();

        IReadOnlyList<Message> messages = await ReadStrictAsync(path);
        CheckAllPresentInOrder(messages, writers, count);
        CheckLines(path, messages.Count);
        RunSummary.Write(output, string.Format(
            CultureInfo.InvariantCulture,
            "concurrent appends: {0} processes x {1} entries ({2} messages) in {3:F1} s, {4} lost, {5} out of order, every line whole",
            writers, count, messages.Count, watch.Elapsed.TotalSeconds, 0, 0));
    }

    [Fact]
    public async Task Threads_appending_through_separate_handles_of_one_process_interleave_nothing()
    {
        // flock belongs to the open folder handle, so two handles of one process exclude each other too.
        const int Handles = 2;
        const int ThreadsPerHandle = 3;
        int count = LongRun.Pick(200, 2000);
        using var scratch = new ScratchDirectory();
        (string root, string cwd, string id, string path) = NewSession(scratch);
        var store = new SessionStore(root);
        var sessions = Enumerable.Range(0, Handles).Select(_ => store.Resume(cwd, id)).ToList();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Handles * ThreadsPerHandle).Select(writer => Task.Run(() =>
            {
                Session session = sessions[writer % Handles].Session;
                for (int j = 0; j < count; j++)
                {
                    if (j % 5 == 3)
                    {
                        session.AppendRange(WorkerLabels.ToolTurn(writer, j));
                    }
                    else
                    {
                        session.Append(Message.UserText(WorkerLabels.Label(writer, j)));
                    }
                }
            })));
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }

        IReadOnlyList<Message> messages = await ReadStrictAsync(path);
        CheckAllPresentInOrder(messages, Handles * ThreadsPerHandle, count);
        CheckLines(path, messages.Count);
    }

    [Fact]
    public async Task A_reader_during_concurrent_appends_sees_only_whole_entries_or_an_ignorable_torn_tail()
    {
        const int Writers = 2;
        const int MaxRounds = 5;
        int count = LongRun.Pick(300, 2000);
        int reads = 0;
        int streamed = 0;
        int tornTails = 0;
        int midWrite = 0;
        int rounds = 0;

        // When the disk flushes fast the writes can be over in milliseconds; rounds repeat, each on a
        // fresh session, until reads have landed while writes were in progress.
        while (midWrite < 2 && rounds < MaxRounds)
        {
            rounds++;
            Round round = await ReadDuringAppendsAsync(Writers, count);
            reads += round.Reads;
            streamed += round.Streamed;
            tornTails += round.TornTails;
            midWrite += round.MidWrite;
        }

        Assert.True(midWrite >= 2, "in " + rounds + " rounds only " + midWrite + " of " + reads + " reads landed while the writers ran");
        RunSummary.Write(output, string.Format(
            CultureInfo.InvariantCulture,
            "reads during appends: {0} reads ({1} streamed, {2} while writes were in progress) over {3} round(s) of {4} processes appending {5} entries of 48 KiB each, 0 exceptions, {6} saw a torn tail",
            reads, streamed, midWrite, rounds, Writers, count, tornTails));
    }

    /// <summary>What one round of reading during appends saw.</summary>
    private sealed record Round(int Reads, int Streamed, int TornTails, int MidWrite);

    private static async Task<Round> ReadDuringAppendsAsync(int writers, int count)
    {
        using var scratch = new ScratchDirectory();
        (string root, string cwd, string id, string path) = NewSession(scratch);

        using var stop = new CancellationTokenSource();
        var snapshots = new List<IReadOnlyList<Message>>();
        int tornTails = 0;
        int streamed = 0;
        Task reading = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // A reader must never throw while writers append, whatever it catches mid-write.
                SessionReadResult read = await SessionReader.ReadMessagesAsync(path);
                if (read.Summary.TornTail is not null)
                {
                    Interlocked.Increment(ref tornTails);
                }

                lock (snapshots)
                {
                    snapshots.Add(read.Messages);
                }

                var streamedMessages = new List<Message>();
                await foreach (Message message in SessionReader.StreamMessagesAsync(path))
                {
                    streamedMessages.Add(message);
                }

                lock (snapshots)
                {
                    snapshots.Add(streamedMessages);
                }

                Interlocked.Increment(ref streamed);
            }
        });

        // Large entries make a write span several pages, so a read can land inside one. The writers
        // are waited for on their own thread: blocking a pool thread here starves the reader's I/O.
        await Task.Factory.StartNew(() => RunWriters(root, cwd, id, writers, count, padding: 48 * 1024), TaskCreationOptions.LongRunning);
        await stop.CancelAsync();
        await reading;

        IReadOnlyList<Message> final = await ReadStrictAsync(path);
        CheckAllPresentInOrder(final, writers, count);
        foreach (IReadOnlyList<Message> snapshot in snapshots)
        {
            Assert.True(snapshot.Count <= final.Count);
            for (int i = 0; i < snapshot.Count; i++)
            {
                if (!Equals(snapshot[i], final[i]))
                {
                    Assert.Fail("a read during appends saw message " + i + " differ from the final file");
                }
            }
        }

        int midWrite = snapshots.Count(snapshot => snapshot.Count > 0 && snapshot.Count < final.Count);
        return new Round(snapshots.Count, streamed, tornTails, midWrite);
    }

    private static (string Root, string Cwd, string Id, string Path) NewSession(ScratchDirectory scratch)
    {
        string root = scratch.Combine("root");
        string cwd = scratch.Combine("work");
        var store = new SessionStore(root);
        using Session session = store.Create(cwd);
        return (root, cwd, session.Id, session.Path);
    }

    private static void RunWriters(string root, string cwd, string id, int writers, int count, int padding)
    {
        var processes = new List<WorkerProcess>();
        try
        {
            for (int k = 0; k < writers; k++)
            {
                processes.Add(WorkerProcess.Start(
                    "append", root, cwd, id[..8], k.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), padding.ToString(CultureInfo.InvariantCulture)));
            }

            // Every writer has resumed before any appends, so their appends overlap as much as possible.
            foreach (WorkerProcess process in processes)
            {
                Assert.Equal("ready", process.ReadLine(Patience));
            }

            foreach (WorkerProcess process in processes)
            {
                process.Send("go");
            }

            foreach (WorkerProcess process in processes)
            {
                Assert.Equal("done", process.ReadLine(Patience));
                process.WaitForExit(Patience);
                Assert.True(process.ExitCode == 0, "a writer failed: " + process.Stderr);
            }
        }
        finally
        {
            foreach (WorkerProcess process in processes)
            {
                process.Dispose();
            }
        }
    }

    private static async Task<IReadOnlyList<Message>> ReadStrictAsync(string path)
    {
        // Strict: not even the last line may be unreadable.
        SessionReadResult read = await SessionReader.ReadMessagesAsync(path, new SessionReadOptions { Recovery = SessionRecovery.Strict });
        Assert.False(read.Summary.WasRepaired);
        return read.Messages;
    }

    private static void CheckAllPresentInOrder(IReadOnlyList<Message> messages, int writers, int count)
    {
        int turns = Enumerable.Range(0, count).Count(j => j % 5 == 3);
        Assert.Equal(writers * (count + 2 * turns), messages.Count);
        int[] next = new int[writers];
        for (int i = 0; i < messages.Count; i++)
        {
            string? label = WorkerLabels.LabelOf(messages[i]);
            Assert.True(label is not null, "message " + i + " is not the start of a writer's entry");
            (int worker, int sequence) = WorkerLabels.Parse(label!);
            Assert.Equal(next[worker], sequence);
            next[worker]++;
            if (messages[i] is Message.Assistant)
            {
                // The turn is contiguous: its results follow at once, not another writer's entry.
                IReadOnlyList<Message> turn = WorkerLabels.ToolTurn(worker, sequence);
                Assert.Equal(turn[1], messages[i + 1]);
                Assert.Equal(turn[2], messages[i + 2]);
                i += 2;
            }
        }

        Assert.All(next, n => Assert.Equal(count, n));
    }

    private static void CheckLines(string path, int messageCount)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.Equal(1 + messageCount, bytes.Count(b => b == (byte)'\n'));
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using Rho.Fast.CrashWorker;
using Rho.Fast.Reliability.Tests;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>
/// Following a session while other processes write it: Rho.Fast writers appending concurrently,
/// a writer that puts each line down in two halves, a writer killed between its halves, and the
/// resume and salvage that repair what it left. Every entry the writers completed is yielded
/// exactly once, in file order, and no half line ever is.
/// </summary>
[UnsupportedOSPlatform("windows")] // The writers lock the folder with flock, and a kill is SIGKILL.
public sealed class FollowWriterProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Entries_appended_by_concurrent_writer_processes_are_yielded_exactly_once_in_file_order()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        (string id, string path) = NewSession(root.Path, cwd.Path);
        await using var follow = new FollowCollector(path);
        await follow.WaitForAsync(2);

        const int Count = 60;
        const int Halves = 20;
        var appenders = new List<WorkerProcess>();
        try
        {
            for (int worker = 1; worker <= 2; worker++)
            {
                WorkerProcess appender = WorkerProcess.Start("append", root.Path, cwd.Path, id, Text(worker), Text(Count), "0");
                appenders.Add(appender);
                Expect(appender, "ready");
            }

            using WorkerProcess halves = WorkerProcess.Start("halves", path, "3", Text(Halves), "25", "0");
            appenders.ForEach(appender => appender.Send("go"));
            foreach (WorkerProcess writer in (List<WorkerProcess>)[.. appenders, halves])
            {
                Expect(writer, "done");
                writer.WaitForExit(Patience);
                Assert.Equal(0, writer.ExitCode);
            }
        }
        finally
        {
            appenders.ForEach(appender => appender.Dispose());
        }

        List<string> written = FollowSteps.ReadEntryLines(path);
        // The header and the first message, 2 x (48 messages and 12 tool turns of 3), and the halves writer's lines.
        Assert.Equal(2 + 2 * (48 + 12 * 3) + Halves, written.Count);
        await follow.WaitForAsync(written.Count);
        Assert.Equal(written, await follow.StopAsync());
    }

    [Fact]
    public void A_line_written_in_two_halves_is_yielded_only_once_its_second_half_is_there()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        (_, string path) = NewSession(root.Path, cwd.Path);
        using var follower = new SessionFollower(path, SessionFollowOptions.Default);
        Assert.Equal(2, FollowSteps.Drain(follower).Count);

        using WorkerProcess writer = WorkerProcess.Start("halves", path, "7", "3", "-1", "0");
        Expect(writer, "ready");
        for (int j = 0; j < 3; j++)
        {
            Expect(writer, "half " + Text(j));
            Assert.Empty(FollowSteps.Drain(follower));
            Assert.True(follower.Held > 0, "the follower saw the first half");

            writer.Send("go");
            Expect(writer, "ack " + Text(j));
            SessionEntry entry = Assert.Single(FollowSteps.Drain(follower));
            Assert.Equal(WorkerLabels.Label(7, j), WorkerLabels.LabelOf(Assert.IsType<SessionEntry.MessageEntry>(entry).Body));
        }

        Expect(writer, "done");
    }

    [Fact]
    public async Task A_resume_cutting_the_torn_tail_of_a_killed_writer_while_following_loses_and_repeats_nothing()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        (string id, string path) = NewSession(root.Path, cwd.Path);
        await using var follow = new FollowCollector(path);
        await follow.WaitForAsync(2);
        await TearTailAsync(path);

        // Resuming cuts the torn half line, then the same process appends.
        using (WorkerProcess appender = WorkerProcess.Start("append", root.Path, cwd.Path, id, "4", "10", "0"))
        {
            Expect(appender, "ready");
            appender.Send("go");
            Expect(appender, "done");
        }

        Assert.True(File.Exists(path + ".dropped"));
        List<string> written = FollowSteps.ReadEntryLines(path);
        Assert.Equal(2 + 8 + 2 * 3, written.Count);
        await follow.WaitForAsync(written.Count);
        Assert.Equal(written, await follow.StopAsync());
    }

    [Fact]
    public async Task A_salvage_renaming_its_rewrite_over_the_file_while_following_loses_and_repeats_nothing()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        (string id, string path) = NewSession(root.Path, cwd.Path);
        await using var follow = new FollowCollector(path);
        await follow.WaitForAsync(2);
        await TearTailAsync(path);

        SalvageResult salvage = await SessionFiles.SalvageAsync(path);
        Assert.True(salvage.DroppedBytes > 0, "salvage rewrote the file");
        using (WorkerProcess appender = WorkerProcess.Start("append", root.Path, cwd.Path, id, "5", "10", "0"))
        {
            Expect(appender, "ready");
            appender.Send("go");
            Expect(appender, "done");
        }

        List<string> written = FollowSteps.ReadEntryLines(path);
        Assert.Equal(2 + 8 + 2 * 3, written.Count);
        await follow.WaitForAsync(written.Count);
        Assert.Equal(written, await follow.StopAsync());
    }

    /// <summary>A new store session holding its header and one message.</summary>
    private static (string Id, string Path) NewSession(string root, string cwd)
    {
        using Session session = new SessionStore(root).Create(cwd);
        session.Append(Message.UserText("before the follow"));
        return (session.Id, session.Path);
    }

    /// <summary>
    /// A writer killed between the two halves of a line: the file ends in a torn half line, which
    /// the padding makes long enough to hold its label, so it differs from whatever comes after a cut.
    /// </summary>
    private static async Task TearTailAsync(string path)
    {
        long before = new FileInfo(path).Length;
        using (WorkerProcess writer = WorkerProcess.Start("halves", path, "9", "1", "-1", "200"))
        {
            Expect(writer, "half 0");
            writer.Kill();
            writer.WaitForExit(Patience);
        }

        Assert.True(new FileInfo(path).Length > before);

        // Long enough for the follower to look several times and hold the half line.
        await Task.Delay(100);
    }

    private static void Expect(WorkerProcess worker, string line)
    {
        string? got;
        while ((got = worker.ReadLine(Patience)) is not null)
        {
            if (got == line)
            {
                return;
            }

            // Progress on the way: started, an append acknowledged, a first half written.
            Assert.True(got == "ready" || got.StartsWith("ack ", StringComparison.Ordinal) || got.StartsWith("half ", StringComparison.Ordinal), "unexpected worker output: " + got);
        }

        throw new InvalidOperationException("the worker ended without printing '" + line + "'; stderr: " + worker.Stderr);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

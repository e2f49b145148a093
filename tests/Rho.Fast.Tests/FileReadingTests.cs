using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Synthetic;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>Reading a session by path: reads run inline on the caller's thread and honour cancellation.</summary>
public sealed class FileReadingTests
{
    [Fact]
    public async Task A_file_is_streamed_without_waiting_on_another_thread()
    {
        using var folder = new TempDirectory();
        string path = GeneratedSession(folder);

        // Every read completes inline, so each step of the enumeration is already done when it returns.
        int steps = 0;
        await using IAsyncEnumerator<Message> messages = SessionReader.StreamMessagesAsync(path).GetAsyncEnumerator();
        while (true)
        {
            ValueTask<bool> next = messages.MoveNextAsync();
            Assert.True(next.IsCompleted, "step " + steps + " waited on another thread");
            if (!await next)
            {
                break;
            }

            steps++;
        }

        Assert.Equal((await SessionReader.ReadMessagesAsync(path)).Messages.Count, steps);
        Assert.True(steps > 100);
    }

    [Fact]
    public async Task A_cancelled_read_of_a_file_stops_with_OperationCanceledException()
    {
        using var folder = new TempDirectory();
        string path = GeneratedSession(folder);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SessionReader.ReadMessagesAsync(path, cancellationToken: cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (SessionEntry entry in SessionReader.ReadEntriesAsync(path, cancellationToken: cancelled.Token))
            {
                Assert.Fail("read an entry after cancellation: " + entry);
            }
        });
    }

    [Fact]
    public async Task Cancelling_a_stream_midway_stops_it_and_releases_the_file()
    {
        using var folder = new TempDirectory();
        string path = GeneratedSession(folder);
        using var cancel = new CancellationTokenSource();
        int seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (Message message in SessionReader.StreamMessagesAsync(path).WithCancellation(cancel.Token))
            {
                if (++seen == 10)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.True(seen >= 10);

        // The enumeration closed the file: it can be replaced at once, even where open files are locked.
        File.Delete(path);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task A_missing_file_is_FileNotFoundException_naming_it()
    {
        using var folder = new TempDirectory();
        string path = folder.Combine("missing.jsonl");
        FileNotFoundException error = await Assert.ThrowsAsync<FileNotFoundException>(() => SessionReader.ReadMessagesAsync(path));
        Assert.Contains("missing.jsonl", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A 2 MB generated session in <paramref name="folder"/>; returns its path.</summary>
    private static string GeneratedSession(TempDirectory folder)
    {
        string path = folder.Combine("s.jsonl");
        SyntheticSession.WriteFileOfSize(path, 2_000_000, seed: 7);
        return path;
    }
}

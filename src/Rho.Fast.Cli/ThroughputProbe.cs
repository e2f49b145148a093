using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Cli;

/// <summary>
/// A dependency-free, in-process throughput check for a session file, for a quick look without a
/// benchmark harness: the repaired read, serialization of the same messages, and durable appends.
/// Reading and serializing are first run untimed until the JIT has optimized them (at least three
/// times and three seconds), appending once; then each is timed over several iterations with a
/// <see cref="Stopwatch"/>, and the median is reported.
/// </summary>
internal static class ThroughputProbe
{
    private const string Timestamp = "1757811590";

    // Tiered compilation optimizes hot code in steps (instrumented, then optimized), each after
    // some calls and a quiet delay: a read of a 1 MB file reached its steady time only after about
    // two seconds of runs. Warming up for this long makes the timed runs measure optimized code. A
    // cap on the count would end a small file's warm-up (a millisecond a run) before that.
    private const int MinWarmups = 3;
    private static readonly TimeSpan s_warmup = TimeSpan.FromSeconds(3);

    /// <summary>Times reading, serializing and appending, and returns one measurement for each.</summary>
    /// <param name="path">The session file to read; its messages are also what is serialized and appended.</param>
    /// <param name="iterations">Timed iterations per measurement (at least 1).</param>
    /// <param name="appendCount">Durable appends per iteration of the append measurement (at least 1).</param>
    /// <param name="scratchDirectory">Where the append measurement creates its temporary store; the system temp folder when <see langword="null"/>. Use a folder on the disk you care about: appends wait for it.</param>
    /// <param name="options">Read limits such as the longest line; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the probe.</param>
    /// <returns>The <c>read</c>, <c>read_decoded</c>, <c>stream</c>, <c>serialize</c> and <c>append</c> measurements, in that order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> or <paramref name="appendCount"/> is less than 1.</exception>
    /// <exception cref="SessionFormatException">The file is not a readable session.</exception>
    public static async Task<IReadOnlyList<ThroughputMeasurement>> RunAsync(
        string path, int iterations = 5, int appendCount = 100, string? scratchDirectory = null, SessionReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(appendCount, 1);

        long fileBytes = new FileInfo(path).Length;
        IReadOnlyList<Message> messages = [];
        var times = new double[iterations];
        await TimeAsync(
            times,
            async () => messages = (await SessionReader.ReadMessagesAsync(path, options, cancellationToken).ConfigureAwait(false)).Messages,
            reset: () => messages = []).ConfigureAwait(false);

        var results = new List<ThroughputMeasurement>(5) { Measurement("read", fileBytes, times) };

        // The same read, then every text decoded to a string once: what lazy text costs when all of it is used.
        long decoded = 0;
        await TimeAsync(times, async () =>
        {
            SessionReadResult read = await SessionReader.ReadMessagesAsync(path, options, cancellationToken).ConfigureAwait(false);
            decoded = DecodeAll(read.Messages);
        }).ConfigureAwait(false);
        results.Add(Measurement("read_decoded", fileBytes, times));
        GC.KeepAlive(decoded);

        await TimeAsync(times, async () =>
        {
            await foreach (Message message in SessionReader.StreamMessagesAsync(path, options).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                GC.KeepAlive(message);
            }
        }).ConfigureAwait(false);
        results.Add(Measurement("stream", fileBytes, times));

        var entries = new List<SessionEntry>(messages.Count);
        foreach (Message message in messages)
        {
            entries.Add(new SessionEntry.MessageEntry(Timestamp, message));
        }

        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        await TimeAsync(times, () =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.ResetWrittenCount();
            foreach (SessionEntry entry in entries)
            {
                Wire.Serialize(buffer, entry);
                buffer.GetSpan(1)[0] = (byte)'\n';
                buffer.Advance(1);
            }

            return Task.CompletedTask;
        }).ConfigureAwait(false);

        results.Add(Measurement("serialize", buffer.WrittenCount, times));
        results.Add(Append(messages, appendCount, iterations, scratchDirectory, times, cancellationToken));
        return results;
    }

    private static ThroughputMeasurement Append(
        IReadOnlyList<Message> messages, int appendCount, int iterations, string? scratchDirectory, double[] times, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            messages = [.. SyntheticSession.Messages(appendCount, 1)];
        }

        long bytes = 0;
        for (int j = 0; j < appendCount; j++)
        {
            bytes += Wire.SerializeToUtf8Bytes(new SessionEntry.MessageEntry(Timestamp, messages[j % messages.Count])).Length + 1;
        }

        string root = Path.Combine(scratchDirectory ?? Path.GetTempPath(), "rho-fast-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new SessionStore(root);
            for (int i = -1; i < iterations; i++)
            {
                using Session session = store.Create(SyntheticSession.DefaultCwd);
                long start = Stopwatch.GetTimestamp();
                for (int j = 0; j < appendCount; j++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    session.Append(messages[j % messages.Count]);
                }

                Record(times, i, start);
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return Measurement("append", bytes, times);
    }

    /// <summary>Decodes every text of <paramref name="messages"/> to a string; returns the characters decoded.</summary>
    private static long DecodeAll(IReadOnlyList<Message> messages)
    {
        long chars = 0;
        foreach (Message message in messages)
        {
            switch (message)
            {
                case Message.SystemPrompt system:
                    chars += system.Text.ToString().Length;
                    break;
                case Message.User { Content: var blocks }:
                    chars += DecodeAll(blocks);
                    break;
                case Message.Assistant { Content: var blocks }:
                    chars += DecodeAll(blocks);
                    break;
                case Message.ToolResult { Result: var result }:
                    chars += result.Content.ToString().Length;
                    break;
            }
        }

        return chars;
    }

    private static long DecodeAll(IReadOnlyList<ContentBlock> blocks)
    {
        long chars = 0;
        foreach (ContentBlock block in blocks)
        {
            if (block is ContentBlock.Text { Value: var text })
            {
                chars += text.ToString().Length;
            }
        }

        return chars;
    }

    /// <summary>
    /// Times <paramref name="run"/> after warm-ups (untimed, until the JIT has optimized it), once
    /// per slot of <paramref name="times"/>. Before each timed run the previous run's result
    /// is let go (<paramref name="reset"/>) and collected, outside the time: the Rust reference
    /// frees its messages outside its timed region too, and BenchmarkDotNet collects between
    /// iterations by default. A run's own collections are timed.
    /// </summary>
    private static async Task TimeAsync(double[] times, Func<Task> run, Action? reset = null)
    {
        long warmStart = Stopwatch.GetTimestamp();
        for (int w = 0; w < MinWarmups || Stopwatch.GetElapsedTime(warmStart) < s_warmup; w++)
        {
            await run().ConfigureAwait(false);
        }

        for (int i = 0; i < times.Length; i++)
        {
            reset?.Invoke();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long start = Stopwatch.GetTimestamp();
            await run().ConfigureAwait(false);
            Record(times, i, start);
        }
    }

    /// <summary>Stores the elapsed time of timed iteration <paramref name="iteration"/>; iteration -1 is the untimed warm-up.</summary>
    private static void Record(double[] times, int iteration, long start)
    {
        if (iteration >= 0)
        {
            times[iteration] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
    }

    private static ThroughputMeasurement Measurement(string name, long bytes, double[] times)
    {
        double[] sorted = (double[])times.Clone();
        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new ThroughputMeasurement(name, bytes, median, median > 0 ? bytes / median / 1e6 : double.PositiveInfinity);
    }
}

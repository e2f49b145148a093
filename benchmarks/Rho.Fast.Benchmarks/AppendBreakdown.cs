using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Microsoft.Win32.SafeHandles;
using Rho.Fast.Benchmarks.Peers;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Durable appends measured in interleaved pairs, so a load spike from another process hits both
/// sides alike: <see cref="Session.Append"/> against a bare write + <c>fdatasync</c> of the same
/// line, and <see cref="Session.AppendRange"/> against one bare write + <c>fdatasync</c> of the same
/// 100 lines. Run on the temp folder's disk and, where present, on a RAM disk, where the flush is
/// free and what remains is the library's own CPU and system-call cost.
/// </summary>
public static class AppendBreakdown
{
    private const int Batch = 100;

    /// <summary>Prints the table for the temp folder and for <c>/dev/shm</c> if it exists.</summary>
    public static void Run(int rounds)
    {
        Console.WriteLine("| Folder | Bare write+fdatasync | Session.Append | Append vs bare | Bare 100-line batch, per entry | AppendRange(100), per entry | AppendRange vs bare batch | AppendRange vs Append |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Measure(Path.GetTempPath(), rounds);
        if (Directory.Exists("/dev/shm"))
        {
            Measure("/dev/shm", rounds);
        }
    }

    private static void Measure(string folder, int rounds)
    {
        string root = Path.Combine(folder, "rho-fast-bench-pairs-" + Guid.NewGuid().ToString("N"));
        List<Message> messages = [.. SyntheticSession.Messages(Batch, Corpus.Seed)];
        var lines = new List<byte[]>();
        var all = new List<byte>();
        foreach (Message message in messages)
        {
            byte[] line = [.. Wire.SerializeToUtf8Bytes(new SessionEntry.MessageEntry("1757811590", message)), (byte)'\n'];
            lines.Add(line);
            all.AddRange(line);
        }

        byte[] batch = [.. all];
        WarmUp(messages);
        var bare = new List<double>();
        var append = new List<double>();
        var bareBatch = new List<double>();
        var range = new List<double>();
        try
        {
            using Session session = new SessionStore(root).Create(SyntheticSession.DefaultCwd);
            using SafeFileHandle file = File.OpenHandle(Path.Combine(root, "bare.jsonl"), FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
            long offset = 0;
            for (int round = 0; round < rounds; round++)
            {
                for (int i = 0; i < Batch; i++)
                {
                    // Alternate which side goes first, so neither always follows the other's flush.
                    for (int side = 0; side < 2; side++)
                    {
                        long start = Stopwatch.GetTimestamp();
                        if ((side == 0) == (i % 2 == 0))
                        {
                            BareDurableWrite.WriteAndSync(file, lines[i], offset);
                            offset += lines[i].Length;
                            bare.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                        }
                        else
                        {
                            session.Append(messages[i]);
                            append.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
                        }
                    }
                }

                for (int side = 0; side < 2; side++)
                {
                    long start = Stopwatch.GetTimestamp();
                    if ((side == 0) == (round % 2 == 0))
                    {
                        BareDurableWrite.WriteAndSync(file, batch, offset);
                        offset += batch.Length;
                        bareBatch.Add(Stopwatch.GetElapsedTime(start).TotalSeconds / Batch);
                    }
                    else
                    {
                        session.AppendRange(messages);
                        range.Add(Stopwatch.GetElapsedTime(start).TotalSeconds / Batch);
                    }
                }
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        double b = Median(bare), a = Median(append), bb = Median(bareBatch), r = Median(range);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {folder} | {b * 1e6:0.0} µs | {a * 1e6:0.0} µs | {b / a:0.00}× | {bb * 1e6:0.0} µs | {r * 1e6:0.0} µs | {bb / r:0.00}× | {a / r:0.0}× |"));
    }

    /// <summary>
    /// Runs the serializer until the JIT has replaced its first-tier code: the timed rounds below are
    /// too short, and mostly asleep in <c>fdatasync</c>, for tiering to happen inside them, so without
    /// this they would time unoptimized code (a NativeAOT build never runs any).
    /// </summary>
    private static void WarmUp(List<Message> messages)
    {
        var buffer = new ArrayBufferWriter<byte>();
        long start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start).TotalSeconds < 1)
        {
            buffer.ResetWrittenCount();
            foreach (Message message in messages)
            {
                Wire.Serialize(buffer, new SessionEntry.MessageEntry("1757811590", message));
            }
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}

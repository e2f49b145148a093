using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Win32.SafeHandles;
using Rho.Fast.Benchmarks.Peers;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Durable appends on the temp folder's disk, per entry: <see cref="Session.Append"/> against a bare
/// loop of positioned write + <c>fdatasync</c> with the same bytes, and
/// <see cref="Session.AppendRange"/> batches of 100 against one bare write + <c>fdatasync</c> of the
/// same 100 lines. Times are per entry.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("Append")]
public class AppendBenchmarks
{
    /// <summary>Entries per invocation, and the batch size of <see cref="RhoFast_AppendRange_100"/>.</summary>
    public const int Entries = 100;

    private string _root = "";
    private List<Message> _messages = [];
    private List<byte[]> _lines = [];
    private byte[] _batch = [];
    private Session _session = null!;
    private SafeFileHandle _bare = null!;
    private long _bareOffset;

    /// <summary>Creates a session and a bare file in a fresh folder under the temp folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "rho-fast-bench-append-" + Guid.NewGuid().ToString("N"));
        _messages = [.. SyntheticSession.Messages(Entries, Corpus.Seed)];
        _lines = [];
        foreach (Message message in _messages)
        {
            // The same line Session.Append writes: a ten-digit timestamp, the message, a newline.
            byte[] json = Wire.SerializeToUtf8Bytes(new SessionEntry.MessageEntry("1757811590", message));
            byte[] line = new byte[json.Length + 1];
            json.CopyTo(line, 0);
            line[^1] = (byte)'\n';
            _lines.Add(line);
        }

        var batch = new List<byte>();
        foreach (byte[] line in _lines)
        {
            batch.AddRange(line);
        }

        _batch = [.. batch];
        _session = new SessionStore(_root).Create(SyntheticSession.DefaultCwd);
        _bare = File.OpenHandle(Path.Combine(_root, "bare.jsonl"), FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
        _bareOffset = 0;
    }

    /// <summary>Closes both files and deletes the folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _session.Dispose();
        _bare.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>The floor: positioned write + fdatasync per entry.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Entries)]
    public void Bare_Write_Fdatasync()
    {
        foreach (byte[] line in _lines)
        {
            BareDurableWrite.WriteAndSync(_bare, line, _bareOffset);
            _bareOffset += line.Length;
        }
    }

    /// <summary>The floor for a batch: the same 100 lines as one write + fdatasync (time per entry).</summary>
    [Benchmark(OperationsPerInvoke = Entries)]
    public void Bare_WriteBatch_Fdatasync_100()
    {
        BareDurableWrite.WriteAndSync(_bare, _batch, _bareOffset);
        _bareOffset += _batch.Length;
    }

    /// <summary>Rho.Fast: one durable <see cref="Session.Append"/> per entry.</summary>
    [Benchmark(OperationsPerInvoke = Entries)]
    public void RhoFast_Append()
    {
        foreach (Message message in _messages)
        {
            _session.Append(message);
        }
    }

    /// <summary>Rho.Fast: the same entries as one <see cref="Session.AppendRange"/> batch (time per entry).</summary>
    [Benchmark(OperationsPerInvoke = Entries)]
    public void RhoFast_AppendRange_100() => _session.AppendRange(_messages);
}

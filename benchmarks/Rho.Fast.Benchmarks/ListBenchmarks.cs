using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Listing a workspace of 750 sessions, warm (every file in the page cache): through Rho.Fast's
/// session index with nothing changed, with one session changed since the last listing, and with
/// no index at all (every file summarized, the index written anew), against reading every session
/// in full; and finding one session by id prefix.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("List")]
public class ListBenchmarks
{
    private SessionStore _store = null!;
    private string _directory = "";
    private string _prefix = "";
    private string _changing = "";
    private DateTime _mtime;
    private bool _flip;

    /// <summary>The size of each session in KB.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SessionKB { get; set; }

    /// <summary>The sizes of this run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.ListSessionSizes;

    /// <summary>Generates the workspace (cached between runs), pulls it into the page cache and builds the index.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string root = ListCorpus.Root(SessionKB);
        _store = new SessionStore(root);
        _directory = ListCorpus.Workspace(root);

        // Only Rho.Fast's own index here; rho's is measured by RhoIndexListBenchmarks.
        File.Delete(Path.Combine(root, "index.sqlite3"));
        ListCorpus.Warm(root);
        _prefix = SyntheticSession.Header(Corpus.Seed + BenchmarkSettings.ListSessionCount / 2).Id[..8];
        _changing = SessionUnitPath(BenchmarkSettings.ListSessionCount / 3);
        _mtime = File.GetLastWriteTimeUtc(_changing);
        if (_store.List(SyntheticSession.DefaultCwd).Count != BenchmarkSettings.ListSessionCount)
        {
            throw new InvalidOperationException("the listing does not show every session of " + _directory);
        }
    }

    /// <summary>Leaves the changed file as it was generated.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.SetLastWriteTimeUtc(_changing, _mtime);

    /// <summary>Reading every session in full with <see cref="SessionReader.ReadMessagesAsync(string, SessionReadOptions?, System.Threading.CancellationToken)"/>.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> ReadAll_ReadMessages()
    {
        long messages = 0;
        foreach (string path in Directory.EnumerateFiles(_directory, "*.jsonl"))
        {
            messages += await RhoFastReads.ReadMessagesAsync(path);
        }

        return messages;
    }

    /// <summary>Rho.Fast: <see cref="SessionStore.List"/>, every row of the index current.</summary>
    [Benchmark]
    public int RhoFast_List() => _store.List(SyntheticSession.DefaultCwd).Count;

    /// <summary>Rho.Fast: <see cref="SessionStore.List"/> after one session changed (its modification time moved): that file is summarized again.</summary>
    [Benchmark]
    public int RhoFast_List_OneChanged()
    {
        _flip = !_flip;
        File.SetLastWriteTimeUtc(_changing, _mtime.AddSeconds(_flip ? 1 : 0));
        return _store.List(SyntheticSession.DefaultCwd).Count;
    }

    /// <summary>Rho.Fast: <see cref="SessionStore.List"/> without an index: every file summarized, the index written anew.</summary>
    [Benchmark]
    public int RhoFast_List_NoIndex()
    {
        File.Delete(Path.Combine(_store.Root, "rho-fast-index.sqlite3"));
        return _store.List(SyntheticSession.DefaultCwd).Count;
    }

    /// <summary>Rho.Fast: <see cref="SessionStore.FindByIdPrefix"/> with an 8-character prefix.</summary>
    [Benchmark]
    public string RhoFast_FindByIdPrefix() => _store.FindByIdPrefix(SyntheticSession.DefaultCwd, _prefix);

    private string SessionUnitPath(int index)
    {
        SessionEntry.Header header = SyntheticSession.Header(Corpus.Seed + (ulong)index);
        return Path.Combine(_directory, header.Timestamp + "_" + header.Id + ".jsonl");
    }
}

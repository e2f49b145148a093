using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Opening a workspace of 750 sessions: <see cref="SessionStore.List"/> (summaries without a full
/// parse) against reading every session in full, and finding one session by id prefix.
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

    /// <summary>The size of each session in KB.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SessionKB { get; set; }

    /// <summary>The sizes of this run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.ListSessionSizes;

    /// <summary>Generates the workspace (cached between runs) and pulls it into the page cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string root = Path.Combine(Corpus.Folder, "store-" + BenchmarkSettings.ListSessionCount + "x" + SessionKB + "KB");
        _store = new SessionStore(root);
        _directory = _store.WorkspaceDirectory(SyntheticSession.DefaultCwd);
        string done = Path.Combine(root, "complete");
        if (!File.Exists(done))
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            Directory.CreateDirectory(_directory);
            for (int i = 0; i < BenchmarkSettings.ListSessionCount; i++)
            {
                ulong seed = Corpus.Seed + (ulong)i;
                SessionEntry.Header header = SyntheticSession.Header(seed);
                string path = Path.Combine(_directory, header.Timestamp + "_" + header.Id + ".jsonl");
                SyntheticSession.WriteFileOfSize(path, SessionKB * 1000L, seed);
            }

            File.WriteAllText(done, "");
        }

        _prefix = SyntheticSession.Header(Corpus.Seed + BenchmarkSettings.ListSessionCount / 2).Id[..8];
        ReadAll_ReadMessages().GetAwaiter().GetResult();
    }

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

    /// <summary>Rho.Fast: <see cref="SessionStore.List"/>.</summary>
    [Benchmark]
    public int RhoFast_List() => _store.List(SyntheticSession.DefaultCwd).Count;

    /// <summary>Rho.Fast: <see cref="SessionStore.FindByIdPrefix"/> with an 8-character prefix.</summary>
    [Benchmark]
    public string RhoFast_FindByIdPrefix() => _store.FindByIdPrefix(SyntheticSession.DefaultCwd, _prefix);
}

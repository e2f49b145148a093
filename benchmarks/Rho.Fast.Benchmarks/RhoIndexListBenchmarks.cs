using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Listing the 750 sessions of <see cref="ListBenchmarks"/> where rho keeps its own index
/// (<c>index.sqlite3</c>, every row current): read only, Rho.Fast's index not even created.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("List")]
public class RhoIndexListBenchmarks
{
    private SessionStore _store = null!;
    private string _rhoIndex = "";

    /// <summary>The size of each session in KB.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SessionKB { get; set; }

    /// <summary>The sizes of this run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.ListSessionSizes;

    /// <summary>Makes rho's index out of Rho.Fast's (same schema, same rows) and removes Rho.Fast's.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string root = ListCorpus.Root(SessionKB);
        _store = new SessionStore(root);
        _rhoIndex = Path.Combine(root, "index.sqlite3");
        string own = Path.Combine(root, "rho-fast-index.sqlite3");
        File.Delete(_rhoIndex);
        ListCorpus.Warm(root);
        _store.List(SyntheticSession.DefaultCwd);
        File.Move(own, _rhoIndex);
        if (_store.List(SyntheticSession.DefaultCwd).Count != BenchmarkSettings.ListSessionCount || File.Exists(own))
        {
            throw new InvalidOperationException("the listing did not come from rho's index alone");
        }
    }

    /// <summary>Removes rho's index again, so the other listing benchmarks see only Rho.Fast's.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(_rhoIndex);

    /// <summary>Rho.Fast: <see cref="SessionStore.List"/> from rho's index, opened read only.</summary>
    [Benchmark]
    public int RhoFast_List_RhoIndex() => _store.List(SyntheticSession.DefaultCwd).Count;
}

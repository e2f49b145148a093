using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Rho.Fast.Synthetic;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Reading rho 1.47's format 4 (a conversation tree of snapshots and deltas, each node also holding
/// what the user saw) into its two histories, against reading a format-1 file of the same size
/// and the same kind of texts, both ways. Methods whose names start with <c>V4_</c> read the
/// format-4 corpus, <c>V4Growing_</c> one whose history only grows, the others the format-1 one;
/// MB/s is per byte of the file read.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("Format4")]
public class Format4Benchmarks
{
    private string _v1 = "";
    private string _v4 = "";
    private string _growing = "";

    /// <summary>The corpus size in MB.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SizeMB { get; set; }

    /// <summary>The sizes of this run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.ComparisonSizes;

    /// <summary>Generates both corpora (cached between runs), pulls them into the page cache, and checks the format-4 one reads to a history.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _v1 = Corpus.File(SizeMB);
        _v4 = Corpus.TreeFile(SizeMB);
        _growing = Corpus.TreeFile(SizeMB, SyntheticTreeShape.Growing);
        V1_ReadMessages();
        if (V4_ReadHistories() == 0)
        {
            throw new InvalidOperationException("The format-4 corpus read to an empty history: the comparison would be meaningless.");
        }
    }

    /// <summary>Format 1: the repaired message list, read synchronously.</summary>
    [Benchmark(Baseline = true)]
    public int V1_ReadMessages() => SessionReader.ReadMessages(_v1).Messages.Count;

    /// <summary>Format 1: the model and display histories.</summary>
    [Benchmark]
    public int V1_ReadHistories() => SessionReader.ReadHistories(_v1).Model.Count;

    /// <summary>Format 4: the model and display histories, the tree rebuilt.</summary>
    [Benchmark]
    public int V4_ReadHistories() => SessionReader.ReadHistories(_v4).Model.Count;

    /// <summary>Format 4 whose history only grows (no compaction, no retry): every node a delta on a longer history.</summary>
    [Benchmark]
    public int V4Growing_ReadHistories() => SessionReader.ReadHistories(_growing).Model.Count;
}

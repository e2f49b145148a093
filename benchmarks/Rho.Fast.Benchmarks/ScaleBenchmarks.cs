using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Rho.Fast.Benchmarks.Peers;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// The repaired read at growing sizes: the ns/B column should stay flat. Streaming shows the
/// reader's own cost; the kept list adds what the collector spends promoting what it keeps.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("Scale")]
public class ScaleBenchmarks
{
    private string _path = "";

    /// <summary>The corpus size in MB.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SizeMB { get; set; }

    /// <summary>The sizes of this run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.ScaleSizes;

    /// <summary>Generates the corpus (cached between runs) and pulls it into the page cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = Corpus.File(SizeMB);
        TokenPass.Tokens(_path);
    }

    /// <summary>The limit at this size.</summary>
    [Benchmark(Baseline = true)]
    public long Limit_Utf8JsonReader_Tokens() => TokenPass.Tokens(_path);

    /// <summary>Rho.Fast: the repaired message list.</summary>
    [Benchmark]
    public Task<int> RhoFast_ReadMessages() => RhoFastReads.ReadMessagesAsync(_path);

    /// <summary>Rho.Fast: the repaired messages streamed, each dropped after counting.</summary>
    [Benchmark]
    public Task<int> RhoFast_StreamMessages() => RhoFastReads.StreamMessagesAsync(_path);
}

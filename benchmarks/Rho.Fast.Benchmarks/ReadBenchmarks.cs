using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Rho.Fast.Benchmarks.Peers;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Reading a whole session file from the page cache: Rho.Fast's repaired message list and its
/// streaming enumeration against System.Text.Json (source-generated, DOM), Json.NET, and the limit
/// of a bare <see cref="System.Text.Json.Utf8JsonReader"/> token pass.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("Read")]
public class ReadBenchmarks
{
    private string _path = "";

    /// <summary>The corpus size in MB.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SizeMB { get; set; }

    /// <summary>The sizes of this run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.ComparisonSizes;

    /// <summary>
    /// Generates the corpus (cached between runs), pulls it into the page cache, and on the small
    /// corpora checks that every reader finds the same messages.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = Corpus.File(SizeMB);
        TokenPass.Tokens(_path);
        if (SizeMB <= 10)
        {
            Verify();
        }
    }

    private void Verify()
    {
        int expected = RhoFast_ReadMessages().GetAwaiter().GetResult();
        long[] counts =
        [
            RhoFast_StreamMessages().GetAwaiter().GetResult(),
            Stj_SourceGen_Pipe().GetAwaiter().GetResult(),
            Stj_SourceGen_Stream().GetAwaiter().GetResult(),
            Stj_SourceGen_PerLine(),
            Stj_JsonDocument_PerLine(),
            Newtonsoft_JObject_PerLine(),
        ];
        foreach (long count in counts)
        {
            if (count != expected)
            {
                throw new InvalidOperationException("A reader found " + count + " messages where Rho.Fast found " + expected + ": the comparison would be unfair.");
            }
        }
    }

    /// <summary>Rho.Fast: the repaired message list, every string materialized.</summary>
    [Benchmark]
    public Task<int> RhoFast_ReadMessages() => RhoFastReads.ReadMessagesAsync(_path);

    /// <summary>Rho.Fast: streaming the repaired messages.</summary>
    [Benchmark]
    public Task<int> RhoFast_StreamMessages() => RhoFastReads.StreamMessagesAsync(_path);

    /// <summary>System.Text.Json source generation, DeserializeAsyncEnumerable over a PipeReader.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Stj_SourceGen_Pipe() => (await StjStreamingReader.ReadFromPipeAsync(_path)).Count;

    /// <summary>System.Text.Json source generation, DeserializeAsyncEnumerable over a Stream.</summary>
    [Benchmark]
    public async Task<int> Stj_SourceGen_Stream() => (await StjStreamingReader.ReadFromStreamAsync(_path)).Count;

    /// <summary>System.Text.Json source generation, JsonSerializer.Deserialize per line.</summary>
    [Benchmark]
    public int Stj_SourceGen_PerLine() => StjPerLineReader.Read(_path).Count;

    /// <summary>System.Text.Json DOM: JsonDocument.Parse per line.</summary>
    [Benchmark]
    public long Stj_JsonDocument_PerLine() => JsonDocumentPerLine.Parse(_path);

    /// <summary>Json.NET: JObject per line.</summary>
    [Benchmark]
    public long Newtonsoft_JObject_PerLine() => NewtonsoftPerLine.Parse(_path);

    /// <summary>The limit: Utf8JsonReader over every token of every line.</summary>
    [Benchmark]
    public long Limit_Utf8JsonReader_Tokens() => TokenPass.Tokens(_path);

    /// <summary>The limit with strings: the token pass plus GetString on every string value.</summary>
    [Benchmark]
    public long Limit_Utf8JsonReader_GetString() => TokenPass.TokensAndStrings(_path);

    /// <summary>
    /// The limit for a reader that keeps its strings: the same pass, every string kept alive until
    /// the end, as a message list keeps them.
    /// </summary>
    [Benchmark]
    public long Limit_Utf8JsonReader_GetString_Kept() => TokenPass.TokensAndStringsKept(_path);
}

using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// <see cref="SessionSearch"/> over one large session file in the page cache, against the way
/// without a byte filter: every message read and decoded, and the text looked for in each.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[BenchmarkCategory("Search")]
public class SearchBenchmarks
{
    private string _path = "";

    /// <summary>The corpus size in MB.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SizeMB { get; set; }

    /// <summary>The sizes of this run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.SearchSizes;

    /// <summary>Generates the corpus (cached between runs) and pulls it into the page cache.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = Corpus.File(SizeMB);
        RhoFast_Search_NoMatch();
    }

    /// <summary>A text no message holds: the filter alone, over every byte.</summary>
    [Benchmark]
    public int RhoFast_Search_NoMatch() => Count("flux capacitor");

    /// <summary>A text that is a key on nearly half the lines (<c>"ToolResult":</c>) and in no message's text: each such line is walked up to the key, none parsed.</summary>
    [Benchmark]
    public int RhoFast_Search_KeyOnly() => Count("ToolResult");

    /// <summary>A text in about one message in twelve: each of those lines is parsed and its texts searched.</summary>
    [Benchmark]
    public int RhoFast_Search_Common() => Count("Größe");

    /// <summary>Without the filter: every message read, every text decoded and searched with <see cref="string.IndexOf(string, StringComparison)"/>.</summary>
    [Benchmark(Baseline = true)]
    public int ReadAll_DecodeAll_IndexOf()
    {
        int found = 0;
        foreach (Message message in SessionReader.ReadMessages(_path).Messages)
        {
            if (Contains(message, "flux capacitor"))
            {
                found++;
            }
        }

        return found;
    }

    private int Count(string text)
    {
        int hits = 0;
        foreach (SessionSearchHit hit in new SessionSearch(text).SearchFile(_path))
        {
            hits += hit.MatchLength > 0 ? 1 : 0;
        }

        return hits;
    }

    private static bool Contains(Message message, string text)
    {
        switch (message)
        {
            case Message.SystemPrompt system:
                return system.Text.ToString().Contains(text, StringComparison.OrdinalIgnoreCase);
            case Message.ToolResult { Result: var result }:
                return result.Content.ToString().Contains(text, StringComparison.OrdinalIgnoreCase);
            case Message.User { Content: var blocks }:
                return BlocksContain(blocks, text);
            case Message.Assistant { Content: var blocks }:
                return BlocksContain(blocks, text);
            default:
                return false;
        }
    }

    private static bool BlocksContain(IReadOnlyList<ContentBlock> blocks, string text)
    {
        foreach (ContentBlock block in blocks)
        {
            if ((block is ContentBlock.Text { Value: var value } && value.ToString().Contains(text, StringComparison.OrdinalIgnoreCase))
                || (block is ContentBlock.ToolCall { Call: var call } && call.Arguments.ToString().Contains(text, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}

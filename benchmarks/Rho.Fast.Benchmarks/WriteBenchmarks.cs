using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Newtonsoft.Json;
using Rho.Fast.Benchmarks.Peers;
using Rho.Fast.Serialization;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// Serializing every entry of a corpus to JSONL bytes in memory: Rho.Fast's generated writer
/// (serde_json's exact bytes) against System.Text.Json source generation with the relaxed encoder
/// and against Json.NET.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[BenchmarkCategory("Write")]
public class WriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private readonly MemoryStream _stream = new(1 << 20);
    private List<SessionEntry> _entries = [];
    private List<StjEntry> _peerEntries = [];
    private Utf8JsonWriter _stjWriter = null!;
    private StreamWriter _text = null!;
    private Newtonsoft.Json.JsonSerializer _newtonsoft = null!;

    /// <summary>The corpus size in MB.</summary>
    [ParamsSource(nameof(Sizes))]
    public int SizeMB { get; set; }

    /// <summary>The sizes of this run.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSettings.ComparisonSizes;

    /// <summary>Loads the corpus's entries into both object models.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _entries = [];
        _peerEntries = [];
        foreach (string line in File.ReadLines(Corpus.File(SizeMB)))
        {
            SessionEntry entry = Wire.Deserialize<SessionEntry>(line);
            _entries.Add(entry);
            _peerEntries.Add(StjModelMapping.ToPeer(entry));
        }

        _stjWriter = new Utf8JsonWriter(_buffer, StjPeerContext.RelaxedWriterOptions);
        _text = new StreamWriter(_stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024) { NewLine = "\n" };
        _newtonsoft = Newtonsoft.Json.JsonSerializer.Create(NewtonsoftPeerConverter.Settings);

        // The corpus was written by the same serializer, so the bytes must come back exactly.
        RhoFast_Wire();
        if (!_buffer.WrittenSpan.SequenceEqual(File.ReadAllBytes(Corpus.File(SizeMB))))
        {
            throw new InvalidOperationException("Rho.Fast did not reproduce the corpus bytes.");
        }
    }

    /// <summary>Rho.Fast: <see cref="Wire.Serialize{T}(IBufferWriter{byte}, T)"/> per entry into a reused buffer.</summary>
    [Benchmark]
    public int RhoFast_Wire()
    {
        _buffer.ResetWrittenCount();
        foreach (SessionEntry entry in _entries)
        {
            Wire.Serialize(_buffer, entry);
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
        }

        return _buffer.WrittenCount;
    }

    /// <summary>System.Text.Json source generation with UnsafeRelaxedJsonEscaping, one reused writer.</summary>
    [Benchmark(Baseline = true)]
    public int Stj_SourceGen_Relaxed()
    {
        _buffer.ResetWrittenCount();
        _stjWriter.Reset(_buffer);
        foreach (StjEntry entry in _peerEntries)
        {
            System.Text.Json.JsonSerializer.Serialize(_stjWriter, entry, StjPeerContext.Relaxed.StjEntry);
            _stjWriter.Flush();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);

            // A writer holds one top-level value; Reset lets the next line start afresh.
            _stjWriter.Reset(_buffer);
        }

        return _buffer.WrittenCount;
    }

    /// <summary>Json.NET with a converter for the unions, through a UTF-8 StreamWriter into a reused MemoryStream.</summary>
    [Benchmark]
    public long Newtonsoft_Converter()
    {
        _stream.SetLength(0);
        foreach (StjEntry entry in _peerEntries)
        {
            using (var json = new JsonTextWriter(_text) { CloseOutput = false, Formatting = Formatting.None })
            {
                _newtonsoft.Serialize(json, entry);
            }

            _text.Write('\n');
        }

        _text.Flush();
        return _stream.Length;
    }
}

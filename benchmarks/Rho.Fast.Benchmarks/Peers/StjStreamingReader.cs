using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading.Tasks;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>
/// The best System.Text.Json can do for a JSONL file: source-generated metadata and
/// <see cref="JsonSerializer.DeserializeAsyncEnumerable{TValue}(PipeReader, System.Text.Json.Serialization.Metadata.JsonTypeInfo{TValue}, bool, System.Threading.CancellationToken)"/>
/// over top-level values, collecting the messages (no tail repair).
/// </summary>
public static class StjStreamingReader
{
    private const int BufferSize = 256 * 1024;

    /// <summary>Reads the messages through a <see cref="PipeReader"/> with the same buffer sizes Rho.Fast uses.</summary>
    public static async Task<List<StjMessage>> ReadFromPipeAsync(string path)
    {
        await using var file = Open(path);
        PipeReader pipe = PipeReader.Create(file, new StreamPipeReaderOptions(bufferSize: BufferSize, minimumReadSize: BufferSize / 4, leaveOpen: true));
        var messages = new List<StjMessage>();
        await foreach (StjEntry? entry in JsonSerializer.DeserializeAsyncEnumerable(pipe, StjPeerContext.Default.StjEntry, topLevelValues: true))
        {
            if (entry is StjMessageEntry { Message: var message })
            {
                messages.Add(message);
            }
        }

        await pipe.CompleteAsync();
        return messages;
    }

    /// <summary>Reads the messages straight from a <see cref="Stream"/>.</summary>
    public static async Task<List<StjMessage>> ReadFromStreamAsync(string path)
    {
        await using var file = Open(path);
        var messages = new List<StjMessage>();
        await foreach (StjEntry? entry in JsonSerializer.DeserializeAsyncEnumerable(file, StjPeerContext.Default.StjEntry, topLevelValues: true))
        {
            if (entry is StjMessageEntry { Message: var message })
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
}

using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>
/// System.Text.Json source generation one line at a time: split the file on <c>\n</c> and call
/// <see cref="JsonSerializer.Deserialize{TValue}(ReadOnlySpan{byte}, System.Text.Json.Serialization.Metadata.JsonTypeInfo{TValue})"/>
/// on each line, which skips the read-ahead and resumable machinery of the async enumerable.
/// </summary>
public static class StjPerLineReader
{
    /// <summary>Reads the messages of the file (no tail repair).</summary>
    public static List<StjMessage> Read(string path)
    {
        var visitor = new Visitor([]);
        JsonlLines.ForEach(path, ref visitor);
        return visitor.Messages;
    }

    private readonly struct Visitor(List<StjMessage> messages) : ILineVisitor
    {
        public List<StjMessage> Messages => messages;

        public void Line(ReadOnlyMemory<byte> line)
        {
            if (JsonSerializer.Deserialize(line.Span, StjPeerContext.Default.StjEntry) is StjMessageEntry { Message: var message })
            {
                messages.Add(message);
            }
        }
    }
}

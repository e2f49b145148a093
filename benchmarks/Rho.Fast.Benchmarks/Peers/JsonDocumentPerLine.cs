using System;
using System.Text.Json;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>The DOM peer: <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> on each line (pooled, strings left lazy).</summary>
public static class JsonDocumentPerLine
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128 };

    /// <summary>Parses every line; returns how many were messages.</summary>
    public static long Parse(string path)
    {
        var visitor = new Visitor();
        JsonlLines.ForEach(path, ref visitor);
        return visitor.Messages;
    }

    private struct Visitor : ILineVisitor
    {
        public long Messages;

        public void Line(ReadOnlyMemory<byte> line)
        {
            using JsonDocument document = JsonDocument.Parse(line, Options);
            if (document.RootElement.TryGetProperty("message"u8, out _))
            {
                Messages++;
            }
        }
    }
}

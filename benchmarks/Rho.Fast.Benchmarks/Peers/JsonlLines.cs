using System;
using System.Buffers;
using System.IO;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>Receives the lines of a JSONL file.</summary>
public interface ILineVisitor
{
    /// <summary>One non-empty line without its <c>\n</c>, valid until the call returns.</summary>
    void Line(ReadOnlyMemory<byte> line);
}

/// <summary>
/// The simplest fast way to walk a JSONL file's lines: read 256 KB chunks into one array, split
/// on <c>\n</c> with a vectorized search, move the partial last line to the front. Shared by the
/// per-line peers so they all pay the same I/O cost.
/// </summary>
public static class JsonlLines
{
    private const int ChunkSize = 256 * 1024;

    /// <summary>Calls <paramref name="visitor"/> for each non-empty line of the file at <paramref name="path"/>.</summary>
    public static void ForEach<TVisitor>(string path, ref TVisitor visitor) where TVisitor : struct, ILineVisitor
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int carry = 0;
            while (true)
            {
                if (carry == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, carry).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = file.Read(buffer, carry, buffer.Length - carry);
                if (read == 0)
                {
                    if (carry > 0)
                    {
                        visitor.Line(buffer.AsMemory(0, carry));
                    }

                    return;
                }

                int end = carry + read;
                int start = 0;
                int newline;
                while ((newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) >= 0)
                {
                    if (newline > 0)
                    {
                        visitor.Line(buffer.AsMemory(start, newline));
                    }

                    start += newline + 1;
                }

                carry = end - start;
                buffer.AsSpan(start, carry).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

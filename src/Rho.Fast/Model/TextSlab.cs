using System;

namespace Rho.Fast;

/// <summary>
/// Where text read from a session lives: large arrays filled one string body after another, so a
/// read keeps a few arrays instead of one object per string. Arrays are never reused: a text keeps
/// its array alive, and the collector frees an array when no text in it is left.
/// </summary>
internal static class TextSlab
{
    // Below the large object heap: 1 MB chunks there measured 11-14 % slower reads of a 100 MB
    // session, the full collections they trigger costing more than promoting 64 KB chunks.
    private const int ChunkSize = 1 << 16;

    // A body this long gets an array of its own rather than wasting the rest of a chunk.
    private const int OwnArray = ChunkSize / 8;

    [ThreadStatic]
    private static byte[]? t_chunk;

    [ThreadStatic]
    private static int t_used;

    /// <summary>Copies <paramref name="bytes"/> into a slab; returns the array and where in it they start.</summary>
    public static byte[] Copy(ReadOnlySpan<byte> bytes, out int start)
    {
        if (bytes.Length >= OwnArray)
        {
            start = 0;
            return bytes.ToArray();
        }

        byte[]? chunk = t_chunk;
        if (chunk is null || ChunkSize - t_used < bytes.Length)
        {
            // Uninitialized: every byte handed out is written first.
            chunk = t_chunk = GC.AllocateUninitializedArray<byte>(ChunkSize);
            t_used = 0;
        }

        start = t_used;
        bytes.CopyTo(chunk.AsSpan(start));
        t_used += bytes.Length;
        return chunk;
    }
}

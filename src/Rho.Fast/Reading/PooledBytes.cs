using System;
using System.Buffers;

namespace Rho.Fast;

/// <summary>A pooled read buffer that grows when a line outgrows it.</summary>
internal static class PooledBytes
{
    /// <summary>
    /// Replaces <paramref name="buffer"/> with a pooled array of at least <paramref name="size"/>
    /// bytes holding its first <paramref name="used"/> bytes, and returns the old one to the pool.
    /// </summary>
    public static void Grow(ref byte[] buffer, int used, int size)
    {
        byte[] larger = ArrayPool<byte>.Shared.Rent(size);
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}

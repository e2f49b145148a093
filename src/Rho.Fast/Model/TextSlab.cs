using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Rho.Fast;

/// <summary>
/// Where text read from a session lives. A kept read of a file reads it into arrays it never
/// reuses (<see cref="KeptChunks"/>), so text read from those lines stays where it is: the text
/// points into the array and nothing is copied. Any other text (a streamed read, a pipe's reused
/// buffers) is copied into large arrays filled one string body after another, so a read keeps a
/// few arrays instead of one object per string. Arrays are never reused: a text keeps its array
/// alive, and the collector frees an array when no text in it is left.
/// </summary>
internal static class TextSlab
{
    // Below the large object heap: a streamed read drops its messages, and a young array is freed
    // by the cheapest collection; 1 MB chunks there made every slab a full collection's work.
    private const int ChunkSize = 1 << 16;

    // A body this long gets an array of its own rather than wasting the rest of a chunk.
    private const int OwnArray = ChunkSize / 8;

    [ThreadStatic]
    private static byte[]? t_chunk;

    [ThreadStatic]
    private static int t_used;

    [ThreadStatic]
    private static byte[]? t_kept;

    /// <summary>
    /// Until the scope is disposed, bytes that lie in <paramref name="kept"/> are stored where they
    /// are; <see langword="null"/> copies everything. The caller promises never to write over the
    /// array's bytes again. Scopes nest: disposing one restores the array before it.
    /// </summary>
    public static KeptScope Keep(byte[]? kept)
    {
        var scope = new KeptScope(t_kept);
        t_kept = kept;
        return scope;
    }

    /// <summary>
    /// Stores <paramref name="bytes"/> where a text can keep them: in place when they lie in the
    /// array of <see cref="Keep"/>, else copied into a slab. Returns the array and where in it they start.
    /// </summary>
    public static byte[] Store(ReadOnlySpan<byte> bytes, out int start)
    {
        byte[]? kept = t_kept;
        if (kept is not null && !bytes.IsEmpty && (start = Where(kept, bytes)) >= 0)
        {
            return kept;
        }

        return Copy(bytes, out start);
    }

    /// <summary>
    /// Stores the body of a JSON string as <see cref="Store"/> does, with a quote on each side of it
    /// in the array (in a kept line those of the string itself; written around a copy), so text in
    /// serde's escaping is written back as one span. Returns the array and where the body starts.
    /// </summary>
    public static byte[] StoreQuoted(ReadOnlySpan<byte> body, out int start)
    {
        byte[]? kept = t_kept;

        // The bytes around a body read from a line are its quotes, and in the cache still.
        if (kept is not null && !body.IsEmpty && (start = Where(kept, body)) >= 1
            && start + body.Length < kept.Length && kept[start - 1] == (byte)'"' && kept[start + body.Length] == (byte)'"')
        {
            return kept;
        }

        byte[] slab = Reserve(body.Length + 2, out int at);
        slab[at] = (byte)'"';
        body.CopyTo(slab.AsSpan(at + 1));
        slab[at + 1 + body.Length] = (byte)'"';
        start = at + 1;
        return slab;
    }

    /// <summary>Where <paramref name="bytes"/> start in <paramref name="array"/>, or -1 when they do not lie in it.</summary>
    private static int Where(byte[] array, ReadOnlySpan<byte> bytes)
    {
        nint offset = Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(array), ref MemoryMarshal.GetReference(bytes));
        return offset >= 0 && offset <= array.Length - bytes.Length ? (int)offset : -1;
    }

    /// <summary>Copies <paramref name="bytes"/> into a slab; returns the array and where in it they start.</summary>
    public static byte[] Copy(ReadOnlySpan<byte> bytes, out int start)
    {
        byte[] slab = Reserve(bytes.Length, out start);
        bytes.CopyTo(slab.AsSpan(start));
        return slab;
    }

    /// <summary>Room for <paramref name="length"/> bytes, in a slab or an array of their own.</summary>
    private static byte[] Reserve(int length, out int start)
    {
        if (length >= OwnArray)
        {
            start = 0;
            return GC.AllocateUninitializedArray<byte>(length);
        }

        byte[]? chunk = t_chunk;
        if (chunk is null || ChunkSize - t_used < length)
        {
            // Uninitialized: every byte handed out is written first.
            chunk = t_chunk = GC.AllocateUninitializedArray<byte>(ChunkSize);
            t_used = 0;
        }

        start = t_used;
        t_used += length;
        return chunk;
    }

    /// <summary>Ends a <see cref="Keep"/>.</summary>
    public readonly struct KeptScope(byte[]? before) : IDisposable
    {
        /// <summary>The array kept before the scope is kept again (none: bytes are copied).</summary>
        public void Dispose() => t_kept = before;
    }
}

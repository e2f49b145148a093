using System;

namespace Rho.Fast;

/// <summary>
/// The buffers of a read whose messages are all kept: a file is read into large arrays that are
/// never written over, so the text of its lines is kept where it was read (see
/// <see cref="TextSlab"/>) and a kept read costs about the file's size in a few large arrays
/// rather than a copy of every string. A line cut by the end of an array is moved to the next one.
/// Keeping any one message keeps its array (at most <see cref="ChunkSize"/> bytes) alive.
/// </summary>
internal sealed class KeptChunks
{
    /// <summary>The size of an array, unless the file is smaller or a line longer.</summary>
    public const int ChunkSize = 1 << 20;

    private readonly LineBatch _batch;
    private long _unread;
    private byte[] _chunk;
    private int _start;
    private int _filled;

    /// <param name="length">The file's length, to size the arrays of a small file exactly.</param>
    /// <param name="repairer">Where the lines go.</param>
    /// <param name="threads">The most threads to decode lines on.</param>
    public KeptChunks(long length, TailRepairer repairer, int threads)
    {
        _unread = Math.Max(length, 0);
        _chunk = NewChunk(0);
        _batch = new LineBatch(repairer, threads);
    }

    /// <summary>Where the next read goes: the free end of the current array, or of a new one holding the unfinished line.</summary>
    public Memory<byte> Space()
    {
        if (_filled == _chunk.Length)
        {
            int pending = _filled - _start;
            byte[] next = NewChunk(pending);
            _chunk.AsSpan(_start, pending).CopyTo(next);
            _chunk = next;
            _start = 0;
            _filled = pending;
        }

        return _chunk.AsMemory(_filled);
    }

    /// <summary>Splits what was read into <see cref="Space"/> into lines, and hands them on decoded.</summary>
    /// <param name="read">The bytes the last read gave; 0 at the end of the file.</param>
    /// <param name="splitter">The line splitter.</param>
    public void Split(int read, LineSplitter splitter)
    {
        _filled += read;
        _unread -= read;
        _start += _batch.Split(splitter, _chunk, _start, _filled - _start, read == 0, kept: true);
    }

    /// <summary>
    /// A new array for the rest of the file (and <paramref name="pending"/> bytes of a line): at
    /// least twice the line, so a line longer than a chunk costs linear time. Uninitialized, as
    /// every byte is read before it is used.
    /// </summary>
    private byte[] NewChunk(int pending)
    {
        // One byte past the file's end, so the read that finds the end needs no new array; a file
        // that grew since it was opened gets chunks a sixteenth the size.
        long rest = _unread > 0 ? Math.Min(ChunkSize, _unread + 1) : ChunkSize / 16;
        long wanted = rest + pending;
        long size = Math.Max(wanted, pending * 2L);
        return GC.AllocateUninitializedArray<byte>((int)Math.Min(size, Array.MaxLength));
    }
}

using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>
/// The buffers of a read whose messages are all kept: a file is read into large arrays that are
/// never written over, so the text of its lines is kept where it was read (see
/// <see cref="TextSlab"/>) and a kept read costs about the file's size in a few large arrays
/// rather than a copy of every string. A line cut by the end of an array is moved to the next one.
/// Keeping any one message keeps its array (at most <see cref="ChunkSize"/> bytes) alive.
/// A kept read is the one that may be synchronous (<see cref="Pump"/>): a regular file's read
/// waits only on the disk.
/// </summary>
internal sealed class KeptChunks : ILineSource, IDisposable
{
    /// <summary>The size of an array, unless the file is smaller or a line longer.</summary>
    public const int ChunkSize = 1 << 20;

    private readonly FileStream _file;
    private readonly LineSplitter _splitter;
    private readonly OrderedLineDecoder _decoder;
    private long _unread;
    private byte[] _chunk;
    private int _start;
    private int _filled;

    /// <param name="path">The session file.</param>
    /// <param name="options">The line limit and the decoding threads.</param>
    /// <param name="repairer">Where the lines go.</param>
    public KeptChunks(string path, SessionReadOptions options, TailRepairer repairer)
    {
        // No buffer of the stream's own: the file is read straight into the kept arrays.
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        _splitter = new LineSplitter(options);
        _unread = Math.Max(_file.Length, 0);
        _chunk = NewChunk(0);
        _decoder = new OrderedLineDecoder(repairer, options.MaxDecodeThreads, kept: true);
    }

    /// <summary>Reads once, with a blocking read, and hands the whole lines read on; returns whether the file has ended.</summary>
    public bool Pump(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Split(_file.Read(Space().Span));
    }

    /// <summary>As <see cref="Pump"/>: the read blocks on the calling thread, as the path overloads of <see cref="SessionReader"/> say.</summary>
    public ValueTask<bool> PumpAsync(CancellationToken cancellationToken) => new(Pump(cancellationToken));

    public void Dispose()
    {
        _decoder.Dispose();
        _splitter.Dispose();
        _file.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Where the next read goes: the free end of the current array, or of a new one holding the unfinished line.</summary>
    private Memory<byte> Space()
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

    /// <summary>Splits what was read into <see cref="Space"/> into lines, and hands them on decoded; returns whether the file has ended.</summary>
    /// <param name="read">The bytes the last read gave; 0 at the end of the file.</param>
    private bool Split(int read)
    {
        _filled += read;
        _unread -= read;
        _start += _decoder.Split(_splitter, _chunk, _start, _filled - _start, read == 0);
        return read == 0;
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

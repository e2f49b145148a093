using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>
/// The lines of a file read into two reused, pooled buffers in turn and decoded on up to
/// <see cref="SessionReadOptions.MaxDecodeThreads"/> threads (<see cref="OrderedLineDecoder"/>):
/// one buffer is read into while the lines of the other are decoded. Text is copied out of the
/// buffers (into slabs), so memory stays bounded by what the caller keeps. The file is opened by
/// the first pump, so a stream never enumerated opens nothing.
/// </summary>
internal sealed class StreamedFileLines : ILineSource
{
    // A quarter of a kept array: a stream's lines may wait, decoded, until the next read, and what
    // they hold counts against a stream's bound. At a quarter, a 1 GB stream peaked 1.5 MB lower
    // than at a whole array, at no cost in speed that the noise of the host let us see.
    private const int BufferSize = KeptChunks.ChunkSize / 4;

    private readonly string _path;
    private readonly LineSplitter _splitter;
    private readonly OrderedLineDecoder _decoder;
    private readonly byte[]?[] _buffers = new byte[]?[2];

    // For each buffer, how many lines had been split once its own were: that many are applied
    // before it is read into again.
    private readonly long[] _linesFrom = new long[2];
    private Stream? _file;
    private int _current;
    private int _start;
    private int _filled;

    /// <param name="path">The session file.</param>
    /// <param name="options">The line limit and the decoding threads.</param>
    /// <param name="repairer">Where the lines go.</param>
    public StreamedFileLines(string path, SessionReadOptions options, TailRepairer repairer)
    {
        _path = path;
        _splitter = new LineSplitter(options);
        _decoder = new OrderedLineDecoder(repairer, options.MaxDecodeThreads, kept: false);
    }

    public async ValueTask<bool> PumpAsync(CancellationToken cancellationToken)
    {
        _file ??= SessionReader.OpenFile(_path);

        // The other buffer, once its lines are applied, with the unfinished line of this one at its start.
        int next = 1 - _current;
        _decoder.ApplyThrough(_linesFrom[next]);
        int pending = _filled - _start;
        byte[] buffer = _buffers[next] ??= ArrayPool<byte>.Shared.Rent(BufferSize);
        if (pending * 2L > buffer.Length)
        {
            // A line longer than half the buffer: a larger one (the splitter refuses past the line limit).
            PooledBytes.Grow(ref buffer, 0, checked(pending * 2));
            _buffers[next] = buffer;
        }

        if (pending > 0)
        {
            _buffers[_current].AsSpan(_start, pending).CopyTo(buffer);
        }

        int read = await _file.ReadAsync(buffer.AsMemory(pending), cancellationToken).ConfigureAwait(false);
        _current = next;
        _filled = pending + read;
        _start = _decoder.Split(_splitter, buffer, 0, _filled, read == 0);
        _linesFrom[next] = _decoder.LinesSplit;
        return read == 0;
    }

    public async ValueTask DisposeAsync()
    {
        // The helpers first: they may still be reading the buffers.
        _decoder.Dispose();
        _splitter.Dispose();
        for (int i = 0; i < _buffers.Length; i++)
        {
            if (_buffers[i] is { } buffer)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                _buffers[i] = null;
            }
        }

        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }
    }
}

using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>
/// The lines of a file read into one reused, pooled buffer and decoded on up to
/// <see cref="SessionReadOptions.MaxDecodeThreads"/> threads (<see cref="LineBatch"/>). Text is
/// copied out of the buffer (into slabs), so memory stays bounded by what the caller keeps.
/// The file is opened by the first pump, so a stream never enumerated opens nothing.
/// </summary>
internal sealed class StreamedFileLines : ILineSource
{
    private readonly string _path;
    private readonly LineSplitter _splitter;
    private readonly LineBatch _batch;
    private Stream? _file;
    private byte[]? _buffer;
    private int _filled;

    /// <param name="path">The session file.</param>
    /// <param name="options">The line limit and the decoding threads.</param>
    /// <param name="repairer">Where the lines go.</param>
    public StreamedFileLines(string path, SessionReadOptions options, TailRepairer repairer)
    {
        _path = path;
        _splitter = new LineSplitter(options);
        _batch = new LineBatch(repairer, options.MaxDecodeThreads);
    }

    public async ValueTask<bool> PumpAsync(CancellationToken cancellationToken)
    {
        _file ??= SessionReader.OpenFile(_path);
        _buffer ??= ArrayPool<byte>.Shared.Rent(KeptChunks.ChunkSize);
        if (_filled == _buffer.Length)
        {
            // A line longer than the buffer: grow it (the splitter refuses past the line limit).
            PooledBytes.Grow(ref _buffer, _filled, checked(_buffer.Length * 2));
        }

        byte[] buffer = _buffer;

        int read = await _file.ReadAsync(buffer.AsMemory(_filled), cancellationToken).ConfigureAwait(false);
        _filled += read;
        int consumed = _batch.Split(_splitter, buffer, 0, _filled, read == 0, kept: false);
        buffer.AsSpan(consumed, _filled - consumed).CopyTo(buffer);
        _filled -= consumed;
        return read == 0;
    }

    public async ValueTask DisposeAsync()
    {
        _splitter.Dispose();
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }

        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }
    }
}

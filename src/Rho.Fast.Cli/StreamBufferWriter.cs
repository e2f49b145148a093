using System;
using System.Buffers;
using System.IO;

namespace Rho.Fast.Cli;

/// <summary>An <see cref="IBufferWriter{T}"/> that appends what is written to a stream.</summary>
internal sealed class StreamBufferWriter : IBufferWriter<byte>
{
    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public StreamBufferWriter(Stream stream) => _stream = stream;

    public void Advance(int count)
    {
        _buffer.Advance(count);
        _stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => _buffer.GetSpan(sizeHint);
}

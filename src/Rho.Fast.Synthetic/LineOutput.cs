using System;
using System.Buffers;
using System.IO;
using Rho.Fast.Serialization;

namespace Rho.Fast.Synthetic;

/// <summary>Serializes entries into a buffer and writes it to the file in large chunks.</summary>
internal sealed class LineOutput : IDisposable
{
    private const int FlushThreshold = 256 * 1024;

    private readonly FileStream _file;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);

    public LineOutput(string path) =>
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);

    /// <summary>The bytes written so far, buffered or not.</summary>
    public long Length { get; private set; }

    public void Write(SessionEntry entry)
    {
        int before = _buffer.WrittenCount;
        Wire.Serialize(_buffer, entry);
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        Length += _buffer.WrittenCount - before;
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            Flush();
        }
    }

    /// <summary>Bytes as they are, such as half an entry for a torn tail.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        Length += bytes.Length;
    }

    public long Finish()
    {
        Flush();
        _file.Flush();
        return Length;
    }

    public void Dispose() => _file.Dispose();

    private void Flush()
    {
        _file.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }
}

using System;
using System.Buffers;

namespace Rho.Fast;

/// <summary>
/// Splits pipe buffers into lines with <see cref="SequenceReader{T}"/>. A line inside one segment
/// is handed over in place; only a line that straddles segments is copied, into a pooled buffer
/// reused for the whole read.
/// </summary>
internal sealed class LineSplitter : IDisposable
{
    private readonly SessionReadOptions _options;
    private byte[]? _scratch;
    private long _offset;

    public LineSplitter(SessionReadOptions options) => _options = options;

    /// <summary>Feeds every complete line of <paramref name="buffer"/> to <paramref name="repairer"/>; returns how far it consumed.</summary>
    public SequencePosition Split(ReadOnlySequence<byte> buffer, bool isCompleted, TailRepairer repairer)
    {
        var reader = new SequenceReader<byte>(buffer);
        while (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n', advancePastDelimiter: true))
        {
            Feed(line, line.Length + 1, repairer);
        }

        long remaining = reader.Remaining;
        if (remaining > _options.MaxLineLength)
        {
            throw TooLong(repairer, remaining);
        }

        if (isCompleted && remaining > 0)
        {
            // The last line has no newline: a file that ends without one, or a torn write.
            Feed(reader.UnreadSequence, remaining, repairer);
            reader.AdvanceToEnd();
        }

        return reader.Position;
    }

    private void Feed(ReadOnlySequence<byte> line, long length, TailRepairer repairer)
    {
        if (line.Length > _options.MaxLineLength)
        {
            throw TooLong(repairer, line.Length);
        }

        long offset = _offset;
        _offset += length;
        if (line.IsSingleSegment)
        {
            repairer.Line(line.FirstSpan, offset, _offset);
            return;
        }

        int size = (int)line.Length;
        if (_scratch is null || _scratch.Length < size)
        {
            if (_scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(_scratch);
            }

            _scratch = ArrayPool<byte>.Shared.Rent(size);
        }

        line.CopyTo(_scratch);
        repairer.Line(_scratch.AsSpan(0, size), offset, _offset);
    }

    private SessionFormatException TooLong(TailRepairer repairer, long length) => new(
        _options.SourceName,
        repairer.Summary.LineCount + 1,
        _offset,
        _offset,
        "the line is longer than the limit of " + _options.MaxLineLength + " bytes (at least " + length + " bytes); raise SessionReadOptions.MaxLineLength if it is genuine");

    public void Dispose()
    {
        if (_scratch is not null)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = null;
        }
    }
}

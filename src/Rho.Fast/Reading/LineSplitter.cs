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

    // How many bytes at the start of the next buffer were searched already (an incomplete line).
    private long _searched;

    public LineSplitter(SessionReadOptions options) => _options = options;

    /// <summary>Feeds every complete line of <paramref name="buffer"/> to <paramref name="sink"/>; returns how far it consumed.</summary>
    public SequencePosition Split(ReadOnlySequence<byte> buffer, bool isCompleted, ILineSink sink)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (_searched > 0)
        {
            // The unconsumed start of the buffer is a line already searched for its newline: search
            // only the bytes that are new, so a long line costs linear, not quadratic, time.
            SequencePosition? newline = buffer.Slice(_searched).PositionOf((byte)'\n');
            if (newline is null)
            {
                _searched = buffer.Length;
                if (_searched > _options.MaxLineLength)
                {
                    throw TooLong(sink, _searched);
                }

                if (!isCompleted)
                {
                    return buffer.Start;
                }

                _searched = 0;
                Feed(buffer, buffer.Length, sink);
                return buffer.End;
            }

            ReadOnlySequence<byte> line = buffer.Slice(0, newline.Value);
            Feed(line, line.Length + 1, sink);
            reader = new SequenceReader<byte>(buffer.Slice(buffer.GetPosition(1, newline.Value)));
            _searched = 0;
        }

        while (!reader.End)
        {
            // The common case, as in Kestrel's parser: the whole line lies in the current segment,
            // so it is handed over as a span with no sequence built around it.
            ReadOnlySpan<byte> unread = reader.UnreadSpan;
            int newline = unread.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                FeedSpan(unread[..newline], newline + 1, sink);
                reader.Advance(newline + 1);
                continue;
            }

            // The line runs on into the next segment, or is not complete yet.
            if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n', advancePastDelimiter: true))
            {
                break;
            }

            Feed(line, line.Length + 1, sink);
        }

        long remaining = reader.Remaining;
        if (remaining > _options.MaxLineLength)
        {
            throw TooLong(sink, remaining);
        }

        if (isCompleted && remaining > 0)
        {
            // The last line has no newline: a file that ends without one, or a torn write.
            Feed(reader.UnreadSequence, remaining, sink);
            reader.AdvanceToEnd();
            remaining = 0;
        }

        // Every unread byte was searched for a newline and held none.
        _searched = remaining;
        return reader.Position;
    }

    /// <summary>
    /// Forgets that the unconsumed bytes of the last buffer were searched: the input was cut or
    /// rewritten there, so the next buffer starts with new bytes at the same offset.
    /// </summary>
    public void DiscardIncompleteLine() => _searched = 0;

    private void Feed(ReadOnlySequence<byte> line, long length, ILineSink sink)
    {
        if (line.Length > _options.MaxLineLength)
        {
            throw TooLong(sink, line.Length);
        }

        if (line.IsSingleSegment)
        {
            FeedSpan(line.FirstSpan, length, sink);
            return;
        }

        long offset = _offset;
        _offset += length;

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
        sink.Line(_scratch.AsSpan(0, size), offset, _offset);
    }

    private void FeedSpan(ReadOnlySpan<byte> line, long length, ILineSink sink)
    {
        if (line.Length > _options.MaxLineLength)
        {
            throw TooLong(sink, line.Length);
        }

        long offset = _offset;
        _offset += length;
        sink.Line(line, offset, _offset);
    }

    private SessionFormatException TooLong(ILineSink sink, long length) => new(
        _options.SourceName,
        sink.LineCount + 1,
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

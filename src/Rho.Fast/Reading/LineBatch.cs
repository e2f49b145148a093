using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>
/// The lines of one kept array (<see cref="KeptChunks"/>), decoded on several threads and then
/// applied to the repair rules in file order. Decoding (the JSON and the objects) is most of a
/// read and needs nothing from earlier lines; the rules are cheap and need every line in turn.
/// </summary>
internal sealed class LineBatch : ILineSink
{
    // Fewer lines than this are decoded where they are: a thread costs more than they do.
    private const int MinLinesPerThread = 32;

    // Lines a thread takes from the shared counter at once: few enough to even out, enough that
    // the counter is touched rarely.
    private const int LinesPerTake = 16;

    private readonly TailRepairer _repairer;
    private readonly int _threads;
    private DecodedLine[] _lines = new DecodedLine[256];
    private int _count;
    private int _next;
    private byte[] _chunk = [];
    private bool _kept;

    /// <param name="repairer">Where the decoded lines go.</param>
    /// <param name="threads">The most threads to decode on, the caller's included.</param>
    public LineBatch(TailRepairer repairer, int threads)
    {
        _repairer = repairer;
        _threads = threads;
    }

    public long LineCount => _repairer.LineCount + _count;

    /// <summary>
    /// Splits <paramref name="length"/> bytes of <paramref name="chunk"/> from <paramref name="start"/>
    /// into lines, decodes them and applies them in order; returns the bytes consumed (whole lines).
    /// </summary>
    /// <param name="splitter">The line splitter.</param>
    /// <param name="chunk">The array the bytes lie in.</param>
    /// <param name="start">Where the unsplit bytes start.</param>
    /// <param name="length">How many there are.</param>
    /// <param name="isCompleted">Whether the input ends after them.</param>
    /// <param name="kept">Whether the array's bytes are never written over, so text may point into it (<see cref="TextSlab.Keep"/>).</param>
    public int Split(LineSplitter splitter, byte[] chunk, int start, int length, bool isCompleted, bool kept)
    {
        _chunk = chunk;
        _kept = kept;
        _count = 0;
        var data = new ReadOnlySequence<byte>(chunk, start, length);
        using (TextSlab.Keep(kept ? chunk : null))
        {
            try
            {
                return (int)data.Slice(data.Start, splitter.Split(data, isCompleted, this)).Length;
            }
            finally
            {
                // Even when a line was refused: the lines before it come first, errors and all.
                Flush();
            }
        }
    }

    public void Line(ReadOnlySpan<byte> line, long offset, long end)
    {
        nint start = Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(_chunk), ref MemoryMarshal.GetReference(line));
        if (start < 0 || start > _chunk.Length - line.Length)
        {
            // Not in the array (a splitter's own copy): everything before it first, then this, as it is.
            Flush();
            _repairer.Line(line, offset, end);
            return;
        }

        if (_count == _lines.Length)
        {
            Array.Resize(ref _lines, _lines.Length * 2);
        }

        _lines[_count++] = new DecodedLine((int)start, line.Length, offset, end);
    }

    /// <summary>Decodes the lines received since the last flush and applies them in order.</summary>
    private void Flush()
    {
        int count = _count;
        if (count == 0)
        {
            return;
        }

        int threads = Math.Min(_threads, count / MinLinesPerThread);
        if (threads <= 1)
        {
            Decode(0, count);
        }
        else
        {
            // Lines differ in size a thousandfold (a tool's output against a short reply), so equal
            // shares of lines are unequal work: every thread takes a few lines at a time from a
            // shared counter until none are left. This thread works too, then waits for the others
            // (running any not yet started itself, so a busy pool only costs the parallelism).
            _next = 0;
            var others = new Task[threads - 1];
            for (int t = 0; t < others.Length; t++)
            {
                others[t] = Task.Factory.StartNew(DecodeElsewhere, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
            }

            DecodeShared();
            Task.WaitAll(others);
        }

        _count = 0;
        for (int i = 0; i < count; i++)
        {
            ref DecodedLine line = ref _lines[i];
            _repairer.Apply(_chunk.AsSpan(line.ContentStart, line.ContentLength), line.Offset, line.End, line.Kind, line.Entry, line.Error);

            // The batch must not keep what the caller may drop.
            line = default;
        }
    }

    /// <summary>Decodes on another thread, which must know as this one does whether text may stay in the array.</summary>
    private void DecodeElsewhere()
    {
        using (TextSlab.Keep(_kept ? _chunk : null))
        {
            DecodeShared();
        }
    }

    /// <summary>Decodes lines, a few at a time, until the shared counter passes the last.</summary>
    private void DecodeShared()
    {
        int count = _count;
        while (true)
        {
            int to = Interlocked.Add(ref _next, LinesPerTake);
            int from = to - LinesPerTake;
            if (from >= count)
            {
                return;
            }

            Decode(from, Math.Min(to, count));
        }
    }

    private void Decode(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            ref DecodedLine line = ref _lines[i];
            ReadOnlySpan<byte> content = SessionLine.Content(_chunk.AsSpan(line.ContentStart, line.ContentLength), line.Offset, out int skipped);
            line.ContentStart += skipped;
            line.ContentLength = content.Length;
            line.Kind = SessionLine.Decode(content, line.Offset + skipped, out line.Entry, out line.Error);
        }
    }

    /// <summary>One line of the batch: where it lies, and once decoded what it holds.</summary>
    private struct DecodedLine(int start, int length, long offset, long end)
    {
        public int ContentStart = start;
        public int ContentLength = length;
        public readonly long Offset = offset;
        public readonly long End = end;
        public LineKind Kind;
        public SessionEntry? Entry;
        public LineError? Error;
    }
}

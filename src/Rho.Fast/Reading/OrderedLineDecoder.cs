using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>
/// Decodes the lines of a file on several threads and applies them to the repair rules in file
/// order. Decoding (the JSON and the objects) is most of a read and needs nothing from earlier
/// lines; the rules are cheap and need every line in turn.
/// </summary>
/// <remarks>
/// Lines wait in a ring. Helper threads live as long as there is input to come, taking a few
/// lines at a time from a shared counter; the caller's thread takes lines too, applies those
/// decoded in order, and goes back to read and split the next array while the helpers decode
/// the rest of this one. So neither reading nor decoding waits for the other at every array, and
/// a thread that waits for work sleeps rather than spins.
/// </remarks>
internal sealed class OrderedLineDecoder : ILineSink, IDisposable
{
    // Fewer lines waiting than this are decoded where they are: a thread costs more than they do.
    private const int MinLinesForHelpers = 64;

    // Lines a thread takes from the shared counter at once: few enough to even out (lines differ
    // in size a thousandfold), enough that the counter is touched rarely and that a call and its
    // result mostly land on one thread, which shares their recent strings.
    private const int LinesPerTake = 16;

    // How long a helper waits for lines before it ends.
    private const int IdleMilliseconds = 100;

    // Lines that may wait at once: about three arrays of a typical session. More only makes the
    // caller's thread decode before it splits on.
    private const int RingSize = 2048;

    private readonly TailRepairer _repairer;
    private readonly int _threads;
    private readonly bool _kept;
    private Slot[]? _ring;
    private byte[] _chunk = [];

    // Lines split (written by the caller's thread only), taken to decode (by any thread, with an
    // atomic exchange), and applied (by the caller's thread only). A line's place in the ring is
    // its count modulo RingSize, a power of two.
    private long _published;
    private long _claimed;
    private long _applied;

    // Where the last line split ends in the input.
    private long _publishedEnd;

    // The bytes of lines the caller's thread leaves to the helpers when it goes back to read, so
    // they are busy while it reads, splits and applies: three quarters of what the last split
    // brought. Measured on a kept 100 MB read: a quarter left them idle, all of it left the
    // caller idle; three quarters was fastest.
    private long _leftForHelpers;

    // The helpers last started, how many of them still run, and what wakes or ends them.
    private Task[]? _helpers;
    private int _liveHelpers;
    private ManualResetEventSlim? _work;
    private volatile bool _ending;

    // Whether the rules refused a line (the read ends with that error).
    private bool _refused;

    /// <param name="repairer">Where the decoded lines go.</param>
    /// <param name="threads">The most threads to decode on, the caller's included.</param>
    /// <param name="kept">
    /// Whether the arrays given to <see cref="Split"/> are never written over, so text may point
    /// into them (<see cref="TextSlab.Keep"/>). Otherwise text is copied out as it is decoded, and
    /// the caller must not write over an array before <see cref="ApplyThrough"/> the lines split from it.
    /// </param>
    public OrderedLineDecoder(TailRepairer repairer, int threads, bool kept)
    {
        _repairer = repairer;
        _threads = threads;
        _kept = kept;
    }

    public long LineCount => _repairer.LineCount + (_published - _applied);

    /// <summary>The lines split so far, applied or not.</summary>
    public long LinesSplit => _published;

    /// <summary>
    /// Splits <paramref name="length"/> bytes of <paramref name="chunk"/> from <paramref name="start"/>
    /// into lines, to be decoded and applied in order; returns the bytes consumed (whole lines).
    /// Lines may still be decoding on return, unless the input ends here.
    /// </summary>
    /// <param name="splitter">The line splitter.</param>
    /// <param name="chunk">The array the bytes lie in.</param>
    /// <param name="start">Where the unsplit bytes start.</param>
    /// <param name="length">How many there are.</param>
    /// <param name="isCompleted">Whether the input ends after them.</param>
    public int Split(LineSplitter splitter, byte[] chunk, int start, int length, bool isCompleted)
    {
        _chunk = chunk;
        var data = new ReadOnlySequence<byte>(chunk, start, length);
        long endBefore = _publishedEnd;
        int consumed;
        try
        {
            consumed = (int)data.Slice(data.Start, splitter.Split(data, isCompleted, this)).Length;
        }
        catch
        {
            // A line the splitter refused: the lines before it come first, errors and all (unless
            // the rules refused one of those, and that is what is thrown).
            if (_refused)
            {
                StopHelpers();
            }
            else
            {
                Drain();
            }

            throw;
        }

        if (isCompleted)
        {
            Drain();
        }
        else
        {
            _leftForHelpers = (_publishedEnd - endBefore) / 4 * 3;
            Wake();
            Advance(through: _applied, readOn: true);
        }

        return consumed;
    }

    /// <summary>Applies (decoding where needed) every line up to the <paramref name="lines"/>th split, so their array may be written over.</summary>
    public void ApplyThrough(long lines) => Advance(through: Math.Min(lines, _published), readOn: false);

    public void Line(ReadOnlySpan<byte> line, long offset, long end)
    {
        nint start = Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(_chunk), ref MemoryMarshal.GetReference(line));
        if (start < 0 || start > _chunk.Length - line.Length)
        {
            // Not in the array (a splitter's own copy): everything before it first, then this, as it is.
            Advance(through: _published, readOn: false);
            _repairer.Line(line, offset, end);
            return;
        }

        _ring ??= ArrayPool<Slot>.Shared.Rent(RingSize);
        if (_published - _applied == RingSize)
        {
            Wake();
            Advance(through: _applied + 1, readOn: false);
        }

        _ring[Index(_published)] = new Slot(_chunk, (int)start, line.Length, offset, end);
        _publishedEnd = end;
        Volatile.Write(ref _published, _published + 1);
    }

    /// <summary>Stops the helpers, and drops the lines not applied (after a failure).</summary>
    public void Dispose()
    {
        StopHelpers();
        if (_ring is not null)
        {
            Array.Clear(_ring);
            ArrayPool<Slot>.Shared.Return(_ring);
            _ring = null;
        }

        _published = _claimed = _applied = 0;
        _work?.Dispose();
    }

    /// <summary>Applies every line split so far, then stops the helpers.</summary>
    private void Drain()
    {
        try
        {
            Wake();
            Advance(through: _published, readOn: false);
        }
        finally
        {
            StopHelpers();
        }
    }

    /// <summary>
    /// Applies the decoded lines in order, decoding lines itself, until at least the first
    /// <paramref name="through"/> are applied. Then, if <paramref name="readOn"/>, it decodes on
    /// only until the lines left are the helpers' share (all of them when there are no helpers),
    /// so the caller may read the next array while they finish.
    /// </summary>
    private void Advance(long through, bool readOn)
    {
        Slot[]? ring = _ring;
        var spin = default(SpinWait);
        while (_applied < _published)
        {
            ref Slot slot = ref ring![Index(_applied)];
            if (Volatile.Read(ref slot.Decoded))
            {
                ApplyNext(ref slot);
                continue;
            }

            if (_applied >= through)
            {
                // What had to be applied is; go back to read unless this thread should decode more first.
                if (!readOn || LeaveToHelpers() || !DecodeTake())
                {
                    return;
                }

                continue;
            }

            if (!DecodeTake())
            {
                // The next line is a helper's, being decoded now.
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    /// <summary>Whether helpers run and the lines no thread has taken yet are no more than their share.</summary>
    private bool LeaveToHelpers()
    {
        if (Volatile.Read(ref _liveHelpers) == 0)
        {
            return false;
        }

        long claimed = Volatile.Read(ref _claimed);
        long unclaimedBytes = claimed >= _published ? 0 : _publishedEnd - _ring![Index(claimed)].Offset;
        return unclaimedBytes <= _leftForHelpers;
    }

    /// <summary>
    /// Applies the next line, decoded, and forgets it: the ring must not keep what the caller may
    /// drop. A line the rules refuse counts as applied, and no line after it is applied.
    /// </summary>
    private void ApplyNext(ref Slot slot)
    {
        Slot line = slot;
        slot = default;
        _applied++;
        try
        {
            line.Failure?.Throw();
            _repairer.Apply(line.Chunk.AsSpan(line.ContentStart, line.ContentLength), line.Offset, line.End, line.Kind, line.Entry, line.Error);
        }
        catch
        {
            _refused = true;
            throw;
        }
    }

    /// <summary>Takes a few undecoded lines and decodes them; returns false when none were left.</summary>
    private bool DecodeTake()
    {
        long claimed;
        long to;
        do
        {
            claimed = Volatile.Read(ref _claimed);
            long published = Volatile.Read(ref _published);
            if (claimed >= published)
            {
                return false;
            }

            to = Math.Min(claimed + LinesPerTake, published);
        }
        while (Interlocked.CompareExchange(ref _claimed, to, claimed) != claimed);

        Slot[] ring = _ring!;
        for (long i = claimed; i < to; i++)
        {
            Decode(ref ring[Index(i)]);
        }

        return true;
    }

    private void Decode(ref Slot line)
    {
        try
        {
            using (TextSlab.Keep(_kept ? line.Chunk : null))
            {
                ReadOnlySpan<byte> content = SessionLine.Content(line.Chunk.AsSpan(line.ContentStart, line.ContentLength), line.Offset, out int skipped);
                line.ContentStart += skipped;
                line.ContentLength = content.Length;
                line.Kind = SessionLine.Decode(content, line.Offset + skipped, out line.Entry, out line.Error);
            }
        }
        catch (Exception e)
        {
            // Thrown where the line is applied, on the caller's thread, in file order.
            line.Failure = ExceptionDispatchInfo.Capture(e);
        }

        Volatile.Write(ref line.Decoded, true);
    }

    /// <summary>Starts helpers once there is enough to share and none are left, and wakes them to new lines.</summary>
    private void Wake()
    {
        if (Volatile.Read(ref _liveHelpers) == 0)
        {
            if (_threads <= 1 || _published - _claimed < MinLinesForHelpers)
            {
                return;
            }

            _work ??= new ManualResetEventSlim(false);
            _ending = false;
            _helpers = new Task[_threads - 1];
            Volatile.Write(ref _liveHelpers, _helpers.Length);
            for (int t = 0; t < _helpers.Length; t++)
            {
                _helpers[t] = Task.Factory.StartNew(Help, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
            }
        }

        _work!.Set();
    }

    /// <summary>
    /// A helper: decodes what it can take and sleeps when nothing is left, until told to end or
    /// left idle (a stream whose reader stopped reading); the next wake starts new ones.
    /// </summary>
    private void Help()
    {
        ManualResetEventSlim work = _work!;
        while (!_ending)
        {
            if (DecodeTake())
            {
                continue;
            }

            // Reset before looking again, so a wake between the two is never lost.
            work.Reset();
            if (!DecodeTake() && !_ending && !work.Wait(IdleMilliseconds))
            {
                break;
            }
        }

        // The caller's thread decodes whatever a helper leaves, so a helper may end at any time.
        Interlocked.Decrement(ref _liveHelpers);
    }

    /// <summary>Ends the helpers and waits for them (one not yet started runs here, finding nothing to do).</summary>
    private void StopHelpers()
    {
        if (_helpers is null)
        {
            return;
        }

        _ending = true;
        _work!.Set();
        Task.WaitAll(_helpers);
        _helpers = null;
    }

    private static int Index(long count) => (int)(count & (RingSize - 1));

    /// <summary>One line in the ring: where it lies, and once decoded what it holds.</summary>
    private struct Slot(byte[] chunk, int start, int length, long offset, long end)
    {
        public readonly byte[] Chunk = chunk;
        public int ContentStart = start;
        public int ContentLength = length;
        public readonly long Offset = offset;
        public readonly long End = end;
        public LineKind Kind;
        public bool Decoded;
        public SessionEntry? Entry;
        public LineError? Error;
        public ExceptionDispatchInfo? Failure;
    }
}

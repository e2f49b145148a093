using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using Microsoft.Win32.SafeHandles;

namespace Rho.Fast;

/// <summary>
/// Reads a session file that writers are appending to, one look at a time (<see cref="Poll"/>):
/// every complete line once, in order, and never a line still being written. Holds only the
/// incomplete last line, one read's worth of bytes, and the last bytes before it.
/// </summary>
/// <remarks>
/// The file may change in three ways besides appends, and each is noticed: an incomplete last line
/// is cut (resume and repair cut a torn tail, then append after it), the path is renamed over by
/// another file (salvage), or the file is rewritten in place or cut below what was read (no
/// Rho.Fast tool does that). Bytes read by an earlier read are checked before new bytes are joined
/// to them, since a cut followed by appends can make the file longer than before while the bytes
/// held are gone.
/// </remarks>
internal sealed class SessionFollower : IDisposable
{
    private const int ReadSize = 256 * 1024;

    // The bytes of the complete lines just before the followed position that are checked with
    // every read: a file rewritten in place almost never keeps them.
    private const int GuardLength = 64;

    private readonly string _path;
    private readonly string _source;
    private readonly bool _byLength;
    private readonly LineSplitter _splitter;
    private readonly EntryCollector _sink;
    private readonly byte[] _guard = new byte[GuardLength];
    private int _guardLength;
    private SafeFileHandle _file;
    private ReplacementWatch _watch;
    private byte[] _buffer;

    // _buffer[0.._held] holds the incomplete line that starts at _consumed, the end of the last complete line.
    private int _held;
    private long _consumed;
    private ExceptionDispatchInfo? _failure;
    private bool _disposed;

    /// <param name="path">The session file.</param>
    /// <param name="options">The line limit, the name for errors and where unknown entries are reported.</param>
    /// <param name="byLength">Tell a replaced file by its length even where its identity is known (to test that way).</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public SessionFollower(string path, SessionFollowOptions options, bool byLength = false)
    {
        _path = path;
        _byLength = byLength;
        SessionReadOptions lines = options.Lines(path);
        _source = lines.SourceName!;
        _file = Open(path);
        _watch = new ReplacementWatch(_file, byLength);
        _splitter = new LineSplitter(lines);
        _sink = new EntryCollector(_source, options.OnUnknownEntry);
        _buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
    }

    /// <summary>The entries the last <see cref="Poll"/> completed, in file order; cleared by the next one.</summary>
    public IReadOnlyList<SessionEntry> Ready => _sink.Ready;

    /// <summary>The offset just past the last complete line read.</summary>
    public long Consumed => _consumed;

    /// <summary>The bytes of the incomplete last line held, waiting for its newline.</summary>
    public int Held => _held;

    /// <summary>
    /// Looks at the file once and reads what is new, at most one read's worth: the lines it
    /// completes go to <see cref="Ready"/>. Returns whether anything was read (look again at once),
    /// or <see langword="false"/> when the file had nothing new (wait before looking again).
    /// </summary>
    /// <exception cref="SessionFormatException">A complete line is not an entry, a line is too long, or the file was rewritten.</exception>
    /// <exception cref="UnsupportedSessionFormatException">The file's header names a format version this version does not read.</exception>
    public bool Poll()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _sink.Ready.Clear();
        _failure?.Throw();
        if (_watch.IsReplaced(_path, _file))
        {
            SwitchToPath();
        }

        long length = RandomAccess.GetLength(_file);
        if (length < _consumed)
        {
            throw Rewritten("it is " + length + " bytes long now, shorter than the " + _consumed + " bytes already read");
        }

        if (length < _consumed + _held)
        {
            // The incomplete last line was cut (a resume or repair cutting a torn tail).
            DropHeld();
        }

        long at = _consumed + _held;
        if (length <= at)
        {
            return false;
        }

        MakeRoom();
        int read = RandomAccess.Read(_file, _buffer.AsSpan(_held), at);
        if (read == 0)
        {
            return false;
        }

        if (!EarlierBytesUnchanged())
        {
            // The incomplete line was cut and the file grew again past it: read it afresh.
            DropHeld();
            return true;
        }

        _held += read;
        Split();
        return true;
    }

    /// <summary>Throws the failure of the last <see cref="Poll"/>, once the entries before the bad line were taken from <see cref="Ready"/>.</summary>
    public void ThrowIfFailed() => _failure?.Throw();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _file.Dispose();
        _splitter.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private static SafeFileHandle Open(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    private void Split()
    {
        var data = new ReadOnlySequence<byte>(_buffer, 0, _held);
        int consumed;
        try
        {
            consumed = (int)data.Slice(data.Start, _splitter.Split(data, isCompleted: false, _sink)).Length;
        }
        catch (Exception e) when (e is SessionFormatException or UnsupportedSessionFormatException)
        {
            // The entries before the bad line are in Ready already: they are yielded first.
            _failure = ExceptionDispatchInfo.Capture(e);
            return;
        }

        Remember(_buffer.AsSpan(0, consumed));
        _buffer.AsSpan(consumed, _held - consumed).CopyTo(_buffer);
        _held -= consumed;
        _consumed += consumed;
        if (_buffer.Length > 4 * ReadSize && _held <= ReadSize)
        {
            // A long line is done: give its buffer back.
            byte[] smaller = ArrayPool<byte>.Shared.Rent(ReadSize);
            _buffer.AsSpan(0, _held).CopyTo(smaller);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = smaller;
        }
    }

    /// <summary>Keeps the last bytes read of complete lines, for <see cref="EarlierBytesUnchanged"/>.</summary>
    private void Remember(ReadOnlySpan<byte> consumed)
    {
        if (consumed.Length >= GuardLength)
        {
            consumed[^GuardLength..].CopyTo(_guard);
            _guardLength = GuardLength;
            return;
        }

        int keep = Math.Min(_guardLength, GuardLength - consumed.Length);
        _guard.AsSpan(_guardLength - keep, keep).CopyTo(_guard);
        consumed.CopyTo(_guard.AsSpan(keep));
        _guardLength = keep + consumed.Length;
    }

    private void MakeRoom()
    {
        if (_buffer.Length - _held >= ReadSize / 2)
        {
            return;
        }

        // A line longer than the buffer: grow it (the splitter refuses past the line limit).
        PooledBytes.Grow(ref _buffer, _held, checked(Math.Max(_buffer.Length * 2, _held + ReadSize)));
    }

    private void DropHeld()
    {
        _held = 0;
        _splitter.DiscardIncompleteLine();
    }

    /// <summary>
    /// Re-reads the bytes before the ones just read (the guard and the incomplete line held) and
    /// checks that they are still there. Returns <see langword="false"/> when the incomplete line
    /// changed; throws when bytes of complete lines did.
    /// </summary>
    private bool EarlierBytesUnchanged()
    {
        int total = _guardLength + _held;
        if (total == 0)
        {
            return true;
        }

        long start = _consumed - _guardLength;
        byte[] scratch = ArrayPool<byte>.Shared.Rent(Math.Min(total, ReadSize));
        try
        {
            for (int done = 0; done < total;)
            {
                int want = Math.Min(total - done, scratch.Length);
                int read = RandomAccess.Read(_file, scratch.AsSpan(0, want), start + done);
                int same = Matching(scratch.AsSpan(0, read), done);
                if (same < want)
                {
                    long at = start + done + same;
                    if (at < _consumed)
                    {
                        throw Rewritten("the bytes before offset " + _consumed + ", read already, are different now (from byte " + at + ")");
                    }

                    return false;
                }

                done += want;
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>How many of <paramref name="actual"/> match the guard and held bytes from position <paramref name="from"/> on.</summary>
    private int Matching(ReadOnlySpan<byte> actual, int from)
    {
        int same = 0;
        if (from < _guardLength)
        {
            ReadOnlySpan<byte> guard = _guard.AsSpan(from, Math.Min(_guardLength - from, actual.Length));
            same = actual.CommonPrefixLength(guard);
            if (same < guard.Length || same == actual.Length)
            {
                return same;
            }
        }

        ReadOnlySpan<byte> held = _buffer.AsSpan(from + same - _guardLength, actual.Length - same);
        return same + actual[same..].CommonPrefixLength(held);
    }

    /// <summary>
    /// The path names another file now (salvage renamed its rewrite over it): follow that file if
    /// it begins with exactly the bytes read so far, which the old file, still open, still holds.
    /// </summary>
    private void SwitchToPath()
    {
        SafeFileHandle next;
        try
        {
            next = Open(_path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // Gone again: keep following the file that is open.
            return;
        }

        try
        {
            long length = RandomAccess.GetLength(next);
            if (length < _consumed)
            {
                throw Rewritten("another file was put in its place, " + length + " bytes long, shorter than the " + _consumed + " bytes already read");
            }

            ComparePrefix(next);
        }
        catch
        {
            next.Dispose();
            throw;
        }

        _file.Dispose();
        _file = next;
        _watch = new ReplacementWatch(next, _byLength);
        DropHeld();
    }

    /// <summary>Throws unless <paramref name="next"/> begins with the bytes of the open file up to <see cref="_consumed"/>.</summary>
    private void ComparePrefix(SafeFileHandle next)
    {
        byte[] old = ArrayPool<byte>.Shared.Rent(ReadSize);
        byte[] now = ArrayPool<byte>.Shared.Rent(ReadSize);
        try
        {
            long line = 1;
            long lineStart = 0;
            for (long offset = 0; offset < _consumed;)
            {
                int want = (int)Math.Min(ReadSize, _consumed - offset);
                int had = RandomAccess.Read(_file, old.AsSpan(0, want), offset);
                int has = RandomAccess.Read(next, now.AsSpan(0, want), offset);
                int same = old.AsSpan(0, had).CommonPrefixLength(now.AsSpan(0, has));
                ReadOnlySpan<byte> common = old.AsSpan(0, same);
                if (same < want)
                {
                    int newlines = common.Count((byte)'\n');
                    int last = common.LastIndexOf((byte)'\n');
                    throw new SessionFormatException(
                        _source, line + newlines, last < 0 ? lineStart : offset + last + 1, offset + same,
                        RewrittenReason("another file was put in its place, whose bytes differ from those already read from offset " + (offset + same)));
                }

                line += common.Count((byte)'\n');
                int lastNewline = common.LastIndexOf((byte)'\n');
                if (lastNewline >= 0)
                {
                    lineStart = offset + lastNewline + 1;
                }

                offset += want;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(old);
            ArrayPool<byte>.Shared.Return(now);
        }
    }

    /// <summary>The file no longer holds what was read: located at the followed position.</summary>
    private SessionFormatException Rewritten(string what) =>
        new(_source, _sink.LineCount + 1, _consumed, _consumed, RewrittenReason(what));

    private static string RewrittenReason(string what) =>
        "the file was rewritten while it was followed: " + what
        + "; entries already yielded may be gone or changed, so following cannot go on (follow the file again from its start)";
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// An open session file, ready for durable appends. The file handle stays open for the session's
/// life. Every append is one <c>write</c> of whole lines under the file's advisory lock, followed
/// by <c>fdatasync</c>, before it returns: a concurrent reader never sees half a line from us, two
/// processes never interleave bytes inside a line, and an acknowledged entry survives a crash.
/// </summary>
/// <remarks>Thread-safe: appends from several threads are serialized.</remarks>
public sealed class Session : IDisposable
{
    /// <summary>The format version written in the header.</summary>
    public const uint FormatVersion = 1;

    /// <summary>The newest format version read: rho 1.47's version 4 (formats 2 to 4 are read, not written).</summary>
    public const uint NewestReadableFormatVersion = 4;

    private (ulong? Version, string Reason)? _appendRefusal;
    private readonly FileStream _file;
    private readonly SafeFileHandle _handle;
    private readonly DirectoryHandle? _directory;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;
    private readonly object _gate = new();
    private bool _disposed;

    private Session(string id, string path, FileStream file)
    {
        Id = id;
        Path = path;
        _file = file;
        _handle = file.SafeFileHandle;
        _directory = OperatingSystem.IsWindows() ? null : new DirectoryHandle(System.IO.Path.GetDirectoryName(path)!);
        _writer = new Utf8JsonWriter(_buffer, Wire.WriterOptions);
    }

    /// <summary>The session id (a UUID), the part of the file name after the last <c>_</c>.</summary>
    public string Id { get; }

    /// <summary>The session file's full path.</summary>
    public string Path { get; }

    /// <summary>Appends one message durably.</summary>
    /// <param name="message">The message.</param>
    /// <exception cref="IOException">The write or the flush to disk failed; the message may not be durable.</exception>
    public void Append(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            ThrowIfDisposed();
            try
            {
                WriteLine(new SessionEntry.MessageEntry(Timestamp(), message));
            }
            catch
            {
                Discard();
                throw;
            }

            Commit();
        }
    }

    /// <summary>Appends several messages with one write and one flush to disk.</summary>
    /// <param name="messages">The messages, in order.</param>
    /// <exception cref="IOException">The write or the flush to disk failed; the messages may not be durable.</exception>
    public void AppendRange(IEnumerable<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_gate)
        {
            ThrowIfDisposed();
            string timestamp = Timestamp();
            try
            {
                foreach (Message message in messages)
                {
                    ArgumentNullException.ThrowIfNull(message, nameof(messages));
                    WriteLine(new SessionEntry.MessageEntry(timestamp, message));
                }
            }
            catch
            {
                // All or nothing: a batch that cannot be written leaves no trace for the next append.
                Discard();
                throw;
            }

            Commit();
        }
    }

    /// <summary>Appends messages with one write and one flush, for a caller that already holds the lock.</summary>
    internal void AppendRangeLocked(IReadOnlyList<Message> messages)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            string timestamp = Timestamp();
            try
            {
                foreach (Message message in messages)
                {
                    WriteLine(new SessionEntry.MessageEntry(timestamp, message));
                }
            }
            catch
            {
                Discard();
                throw;
            }

            Commit(takeLock: false);
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _writer.Dispose();
                _file.Dispose();
                _directory?.Dispose();
            }
        }
    }

    /// <summary>Creates a new session file with its header entry, durably.</summary>
    internal static Session Create(string directory, string cwd)
    {
        string id = Guid.NewGuid().ToString("D");
        string seconds = UnixSeconds().ToString(CultureInfo.InvariantCulture);
        string path = System.IO.Path.Combine(directory, seconds + "_" + id + ".jsonl");
        Session session = Open(id, path, FileMode.CreateNew);
        try
        {
            lock (session._gate)
            {
                session.WriteLine(new SessionEntry.Header(FormatVersion, id, seconds, cwd));
                session.Commit();
            }

            session._directory?.Sync();
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Opens an existing session file for appending; the caller repairs it first.</summary>
    /// <param name="id">The session id.</param>
    /// <param name="path">The file.</param>
    /// <param name="mode">How to open it.</param>
    /// <param name="makePrivate">Whether to make it owner-only, as the store does; a file repaired by path keeps its mode.</param>
    internal static Session Open(string id, string path, FileMode mode, bool makePrivate = true)
    {
        // A new file is created owner-only; an existing store file is made so, whatever its mode was.
        var file = new FileStream(path, DurableFile.PrivateFileOptions(mode, FileAccess.ReadWrite));
        try
        {
            if (makePrivate)
            {
                DurableFile.MakePrivate(file.SafeFileHandle);
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return new Session(id, path, file);
    }

    /// <summary>The handle, for the store's repair on resume (under the lock).</summary>
    internal SafeFileHandle Handle => _handle;

    /// <summary>Takes the advisory lock shared by every writer of this session's folder.</summary>
    internal void Lock() => _directory?.Lock();

    /// <summary>Releases the advisory lock.</summary>
    internal void Unlock() => _directory?.Unlock();

    /// <summary>Makes the folder's entries durable.</summary>
    internal void SyncDirectory() => _directory?.Sync();

    private void WriteLine(SessionEntry entry)
    {
        entry.WriteWire(_writer);
        _writer.Flush();
        _writer.Reset();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
    }

    private void Commit(bool takeLock = true)
    {
        try
        {
            ReadOnlySpan<byte> lines = _buffer.WrittenSpan;
            if (takeLock)
            {
                Lock();
            }

            try
            {
                // Under the lock, the end of the file is ours: one positioned write of whole lines.
                long end = RandomAccess.GetLength(_handle);
                try
                {
                    RandomAccess.Write(_handle, lines, end);
                }
                catch (Exception e) when (e is IOException or ArgumentOutOfRangeException)
                {
                    // A short write (disk full, file size limit) must not leave part of a line for
                    // the next append to land behind: cut the file back to where it ended.
                    TryTruncate(end);
                    throw e as IOException ?? new IOException("Could not append to '" + Path + "': File too large (the process's file size limit was reached)", e);
                }
            }
            finally
            {
                if (takeLock)
                {
                    Unlock();
                }
            }

            DurableFile.SyncData(_handle);
        }
        finally
        {
            _buffer.ResetWrittenCount();
        }
    }

    /// <summary>Drops whatever a failed serialization left in the writer and buffer.</summary>
    private void Discard()
    {
        _writer.Reset(_buffer);
        _buffer.ResetWrittenCount();
    }

    private void TryTruncate(long length)
    {
        try
        {
            RandomAccess.SetLength(_handle, length);
        }
        catch (IOException)
        {
            // Nothing more can be done here; a reader treats the partial line as a torn tail.
        }
    }

    private void ThrowIfDisposed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_appendRefusal is { } refusal)
        {
            throw new UnsupportedSessionFormatException(Path, 0, 0, refusal.Version, refusal.Reason);
        }
    }

    /// <summary>Whether appending is allowed: not for a session of a format this version reads but does not write.</summary>
    public bool CanAppend => _appendRefusal is null;

    /// <summary>Makes every later append throw <see cref="UnsupportedSessionFormatException"/> with <paramref name="reason"/>.</summary>
    internal void RefuseAppends(ulong? version, string reason) => _appendRefusal = (version, reason);

    private static string Timestamp() => UnixSeconds().ToString(CultureInfo.InvariantCulture);

    private static long UnixSeconds() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace Rho.Fast;

/// <summary>
/// Opening a session to append after a crash. The reference leaves a torn line or an unanswered
/// tool turn in place, so new entries land behind it and a later read drops them. Here, under the
/// advisory lock, the file is made to continue cleanly without removing anything a writer
/// completed: a torn last line is cut (its bytes kept aside first), a tool turn the file ends
/// inside is answered with failed "interrupted" results, and anything else that would hide
/// complete entries is refused.
/// </summary>
internal static class SessionResume
{
    /// <summary>Why a file by path is not repaired without being forced.</summary>
    public const string NotASession = "the file does not begin with a session header, so it may not be a session file; repairing it could destroy it (force the repair if it is one)";

    /// <summary>Opens, repairs and reads a session file under its lock.</summary>
    /// <param name="path">The file.</param>
    /// <param name="id">The session id.</param>
    /// <param name="byPath">
    /// A file repaired by path rather than through the store: its mode is kept, and it must begin
    /// with a session header unless <paramref name="force"/> is set.
    /// </param>
    /// <param name="force">Repair a file by path even when it does not begin with a session header.</param>
    /// <param name="options">Read limits such as the longest line, in the reference's recovery mode; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <remarks>Synchronous throughout: a regular file's reads and writes wait only on the disk.</remarks>
    public static ResumedSession Resume(string path, string id, bool byPath, bool force, SessionReadOptions? options, CancellationToken cancellationToken)
    {
        Session session = Session.Open(id, path, FileMode.Open, makePrivate: !byPath);
        try
        {
            SafeFileHandle handle = session.Handle;
            session.Lock();
            try
            {
                // A newer format or a corrupt middle throws here, before anything is changed.
                SessionReadResult read = SessionReader.ReadMessages(path, options, cancellationToken);
                SessionReadSummary summary = read.Summary;
                if (summary.IsReadOnlyFormat)
                {
                    // rho 1.47's formats are read, not written: the file is left exactly as it is.
                    session.RefuseAppends(summary.FormatVersion, ReadOnlyReason(summary));
                    return new ResumedSession(session, read.Messages, summary, null);
                }

                if (byPath && !force && !summary.StartsWithHeader)
                {
                    throw new SessionRepairRefusedException(path, 0, NotASession);
                }

                if (summary.UnknownEntries is [var unknown, ..])
                {
                    throw new UnsupportedSessionFormatException(path, unknown.LineNumber, unknown.ByteOffset, summary.FormatVersion, unknown.Reason);
                }

                RefuseToHideEntries(path, summary);
                long length = RandomAccess.GetLength(handle);
                string? backup = summary.TornTail is { } torn ? CutTornTail(session, handle, torn.ByteOffset, length) : null;
                EndWithNewline(handle);
                IReadOnlyList<string> interrupted = summary.UnansweredToolCallIds;
                if (interrupted.Count > 0)
                {
                    session.AppendRangeLocked(InterruptedResults(interrupted));

                    // What the file now reads back to: the turn, answered.
                    read = SessionReader.ReadMessages(path, options, cancellationToken);
                }

                SessionRepair? repair = backup is null && interrupted.Count == 0
                    ? null
                    : new SessionRepair(length, summary.TornTail?.ByteOffset ?? length, backup, interrupted);
                // The summary says what was found; the messages are what the file now holds.
                return new ResumedSession(session, read.Messages, summary, repair);
            }
            finally
            {
                session.Unlock();
            }
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Refuses what cannot be repaired without removing complete entries: a torn last line with a
    /// whole entry glued behind it, and a tool turn followed by a message that does not answer it
    /// (readers leave out everything from the turn on, so new appends would be hidden too).
    /// </summary>
    /// <summary>Why a session of rho 1.47's formats is not appended to.</summary>
    public static string ReadOnlyReason(SessionReadSummary summary) =>
        "the session is in rho 1.47's format v" + (summary.FormatVersion ?? Session.FormatVersion)
        + " (snapshots, a conversation tree or display messages), which this version of Rho.Fast reads but does not write (it writes v"
        + Session.FormatVersion + "); it is left unchanged";

    private static void RefuseToHideEntries(string path, SessionReadSummary summary)
    {
        if (summary.TornTail is { } torn && summary.TornTailHoldsEntry)
        {
            throw new SessionRepairRefusedException(path, torn.LineNumber,
                "the torn last line has a complete entry glued behind the torn bytes, which cutting the line would lose; 'rho-fast repair --salvage' keeps it");
        }

        if (summary.DroppedTurn is { } turn && summary.UnansweredToolCallIds.Count == 0)
        {
            throw new SessionRepairRefusedException(path, turn.LineNumber,
                turn.Reason + ", and more entries follow it: readers leave out the " + summary.DroppedMessageCount
                + " message(s) from there on, new appends would be left out too, and Rho.Fast never cuts complete entries");
        }
    }

    private static List<Message> InterruptedResults(IReadOnlyList<string> ids)
    {
        var results = new List<Message>(ids.Count);
        foreach (string id in ids)
        {
            results.Add(Message.ToolResultFor(id, false, SessionRepair.InterruptedResultText));
        }

        return results;
    }

    /// <summary>Cuts the torn bytes from <paramref name="validLength"/> on, after saving them durably; returns the sidecar's path.</summary>
    private static string CutTornTail(Session session, SafeFileHandle handle, long validLength, long length)
    {
        string path = session.Path;

        // Save the bytes first and make them durable; only then destroy them in the session file.
        string backup = path + ".dropped";
        using (var sidecar = new FileStream(backup, DurableFile.PrivateFileOptions(FileMode.Append, FileAccess.Write)))
        {
            byte[] chunk = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                bool endsWithNewline = false;
                for (long offset = validLength; offset < length;)
                {
                    int read = RandomAccess.Read(handle, chunk.AsSpan(0, (int)Math.Min(chunk.Length, length - offset)), offset);
                    if (read == 0)
                    {
                        break;
                    }

                    sidecar.Write(chunk, 0, read);
                    endsWithNewline = chunk[read - 1] == (byte)'\n';
                    offset += read;
                }

                if (!endsWithNewline)
                {
                    sidecar.WriteByte((byte)'\n');
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            DurableFile.MakePrivate(sidecar.SafeFileHandle);
            DurableFile.SyncData(sidecar.SafeFileHandle);
        }

        session.SyncDirectory();
        RandomAccess.SetLength(handle, validLength);
        DurableFile.SyncData(handle);
        return backup;
    }

    private static void EndWithNewline(SafeFileHandle handle)
    {
        // A complete last line without its newline: the next append must not join it.
        long length = RandomAccess.GetLength(handle);
        if (length == 0)
        {
            return;
        }

        Span<byte> last = stackalloc byte[1];
        if (RandomAccess.Read(handle, last, length - 1) == 1 && last[0] != (byte)'\n')
        {
            RandomAccess.Write(handle, "\n"u8, length);
            DurableFile.SyncData(handle);
        }
    }
}

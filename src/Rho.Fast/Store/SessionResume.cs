using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace Rho.Fast;

/// <summary>
/// Opening a session to append after a crash. The reference leaves a torn line or an unanswered
/// tool turn in place, so new entries land behind it and a later read drops them; here the file is
/// cut back to its repaired prefix first, under the advisory lock, with the cut bytes kept aside.
/// </summary>
internal static class SessionResume
{
    public static async Task<ResumedSession> ResumeAsync(string path, string id, CancellationToken cancellationToken)
    {
        Session session = Session.Open(id, path, FileMode.Open);
        try
        {
            SafeFileHandle handle = session.Handle;
            session.Lock();
            try
            {
                SessionReadResult read = await SessionReader.ReadMessagesAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
                SessionRepair? repair = CutToValidPrefix(session, handle, read.Summary.ValidLength);
                EndWithNewline(handle);
                return new ResumedSession(session, read.Messages, read.Summary, repair);
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

    private static SessionRepair? CutToValidPrefix(Session session, SafeFileHandle handle, long validLength)
    {
        string path = session.Path;
        long length = RandomAccess.GetLength(handle);
        if (validLength >= length)
        {
            return null;
        }

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
        return new SessionRepair(length, validLength, backup);
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

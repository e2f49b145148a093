using System;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>The outcome of <see cref="SessionFiles.SalvageAsync"/>.</summary>
/// <param name="Summary">The lines skipped and recovered.</param>
/// <param name="KeptEntries">The entries the rewritten file holds.</param>
/// <param name="DroppedBytes">The bytes moved to the sidecar.</param>
/// <param name="BackupPath">The sidecar holding every dropped byte, or <see langword="null"/> when nothing was dropped.</param>
public sealed record SalvageResult(SessionReadSummary Summary, long KeptEntries, long DroppedBytes, string? BackupPath);

/// <summary>Repairs applied to a session file by path, for tools; the file must not be open for appending elsewhere.</summary>
public static class SessionFiles
{
    /// <summary>
    /// The store's repair, as on resume: cut a torn last line or an unanswered tool turn off the
    /// end, appending the cut bytes to <c>&lt;file&gt;.dropped</c>.
    /// </summary>
    /// <param name="path">The session file.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The repaired read and what was cut, if anything.</returns>
    /// <exception cref="SessionFormatException">The file is corrupt before its last line; it is left unchanged (see <see cref="SalvageAsync"/>).</exception>
    public static async Task<(SessionReadResult Read, SessionRepair? Repair)> RepairAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        using ResumedSession resumed = await SessionResume.ResumeAsync(full, SessionStore.IdOf(full) ?? Path.GetFileName(full), cancellationToken).ConfigureAwait(false);
        return (new SessionReadResult(resumed.Messages, resumed.Summary), resumed.Repair);
    }

    /// <summary>
    /// Rewrites a damaged file keeping every readable entry (see <see cref="SessionRecovery.Salvage"/>),
    /// atomically: a temporary file is written and flushed, renamed over the original, and the folder
    /// flushed. Every dropped byte is appended to <c>&lt;file&gt;.dropped</c> first.
    /// </summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Limits such as the longest line; the recovery mode is always salvage.</param>
    /// <param name="cancellationToken">Stops the read before anything is replaced.</param>
    public static async Task<SalvageResult> SalvageAsync(string path, SessionReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        string temporary = full + ".salvage-" + Guid.NewGuid().ToString("N")[..8];
        string backup = full + ".dropped";
        SessionReadOptions named = (options ?? SessionReadOptions.Default).Named(full);

        using DirectoryHandle? folder = OperatingSystem.IsWindows() ? null : new DirectoryHandle(directory);
        folder?.Lock();
        try
        {
            SalvageSink sink;
            await using (var kept = new FileStream(temporary, DurableFile.PrivateFileOptions(FileMode.CreateNew, FileAccess.Write)))
            await using (var dropped = new MemoryStream())
            {
                sink = new SalvageSink(kept, dropped);
                await using (Stream input = SessionReader.OpenFile(full))
                {
                    await SessionReader.FeedAsync(PipeReader.Create(input, SessionReader.PipeOptions(leaveOpen: true)), named, sink, cancellationToken).ConfigureAwait(false);
                }

                if (dropped.Length > 0)
                {
                    await using var sidecar = new FileStream(backup, DurableFile.PrivateFileOptions(FileMode.Append, FileAccess.Write));
                    dropped.Position = 0;
                    await dropped.CopyToAsync(sidecar, cancellationToken).ConfigureAwait(false);
                    DurableFile.SyncData(sidecar.SafeFileHandle);
                }

                await kept.FlushAsync(cancellationToken).ConfigureAwait(false);
                DurableFile.SyncData(kept.SafeFileHandle);
            }

            File.Move(temporary, full, overwrite: true);
            folder?.Sync();
            return new SalvageResult(sink.Summary, sink.KeptEntries, sink.DroppedBytes, sink.DroppedBytes > 0 ? backup : null);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        finally
        {
            folder?.Unlock();
        }
    }
}

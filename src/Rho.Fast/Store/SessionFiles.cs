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

/// <summary>
/// Repairs applied to a session file by path, for tools; the file must not be open for appending
/// elsewhere. Only torn bytes are ever cut, and only after they are saved in <c>&lt;file&gt;.dropped</c>;
/// complete entries are never removed, whether this version reads them or not. A repaired file keeps
/// its permissions (the sidecar is created owner-only).
/// </summary>
public static class SessionFiles
{
    /// <summary>
    /// The store's repair, as on resume: cut a torn last line off the end (appending its bytes to
    /// <c>&lt;file&gt;.dropped</c>), and answer a tool turn the file ends inside with failed
    /// "interrupted" results (see <see cref="SessionRepair"/>).
    /// </summary>
    /// <param name="path">The session file.</param>
    /// <param name="force">Repair even a file that does not begin with a session header.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The repaired read and what was changed, if anything.</returns>
    /// <exception cref="SessionFormatException">The file is corrupt before its last line; it is left unchanged (see <see cref="SalvageAsync"/>).</exception>
    /// <exception cref="UnsupportedSessionFormatException">The file is in a format this version does not read; it is left unchanged.</exception>
    /// <exception cref="SessionRepairRefusedException">The repair would remove complete entries, or the file is not a session; it is left unchanged.</exception>
    public static Task<RepairResult> RepairAsync(string path, bool force = false, CancellationToken cancellationToken = default) =>
        RepairAsync(path, null, force, cancellationToken);

    /// <summary>The store's repair, as <see cref="RepairAsync(string, bool, CancellationToken)"/>, with read limits such as the longest line.</summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Limits such as the longest line; the recovery mode is always the reference's.</param>
    /// <param name="force">Repair even a file that does not begin with a session header.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The repaired read and what was changed, if anything.</returns>
    /// <exception cref="SessionFormatException">The file is corrupt before its last line; it is left unchanged (see <see cref="SalvageAsync"/>).</exception>
    /// <exception cref="UnsupportedSessionFormatException">The file is in a format this version does not read; it is left unchanged.</exception>
    /// <exception cref="SessionRepairRefusedException">The repair would remove complete entries, or the file is not a session; it is left unchanged.</exception>
    public static Task<RepairResult> RepairAsync(string path, SessionReadOptions? options, bool force = false, CancellationToken cancellationToken = default) =>
        Completed.Run(() => Repair(path, options, force, cancellationToken), cancellationToken);

    /// <summary>The store's repair, as <see cref="RepairAsync(string, bool, CancellationToken)"/>, synchronously.</summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Limits such as the longest line; the recovery mode is always the reference's.</param>
    /// <param name="force">Repair even a file that does not begin with a session header.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The repaired read and what was changed, if anything.</returns>
    /// <exception cref="SessionFormatException">The file is corrupt before its last line; it is left unchanged (see <see cref="SalvageAsync"/>).</exception>
    /// <exception cref="UnsupportedSessionFormatException">The file is in a format this version does not read; it is left unchanged.</exception>
    /// <exception cref="SessionRepairRefusedException">The repair would remove complete entries, or the file is not a session; it is left unchanged.</exception>
    public static RepairResult Repair(string path, SessionReadOptions? options = null, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        var limits = new SessionReadOptions { MaxLineLength = (options ?? SessionReadOptions.Default).MaxLineLength };
        using ResumedSession resumed = SessionResume.Resume(full, SessionStore.IdOf(full) ?? Path.GetFileName(full), byPath: true, force, limits, cancellationToken);
        if (!resumed.Session.CanAppend)
        {
            // rho reads such a file as it is (a torn tail included); this version does not rewrite it.
            throw new UnsupportedSessionFormatException(full, 0, 0, resumed.Summary.FormatVersion, "repair refused: " + SessionResume.ReadOnlyReason(resumed.Summary));
        }

        return new RepairResult(new SessionReadResult(resumed.Messages, resumed.Summary), resumed.Repair);
    }

    /// <summary>
    /// Rewrites a damaged file without its torn lines (see <see cref="SessionRecovery.Salvage"/>),
    /// atomically: a temporary file is written and flushed, renamed over the original, and the folder
    /// flushed. Every dropped byte is appended to <c>&lt;file&gt;.dropped</c> first. A file with
    /// nothing to drop is not rewritten.
    /// </summary>
    /// <param name="path">The session file.</param>
    /// <param name="options">Limits such as the longest line; the recovery mode is always salvage.</param>
    /// <param name="force">
    /// Salvage even a file that does not begin with a session header, one where nothing would be
    /// kept, or one in a format this version does not read (its complete entries are kept as they are).
    /// </param>
    /// <param name="cancellationToken">Stops the read before anything is replaced.</param>
    /// <exception cref="UnsupportedSessionFormatException">Without <paramref name="force"/>: the file is in a format this version does not read; it is left unchanged.</exception>
    /// <exception cref="SessionRepairRefusedException">Without <paramref name="force"/>: the file is not a session, or nothing would be kept; it is left unchanged.</exception>
    public static async Task<SalvageResult> SalvageAsync(string path, SessionReadOptions? options = null, bool force = false, CancellationToken cancellationToken = default)
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
                    await LinePipeline.RunAsync(new PipeLines(PipeReader.Create(input, SessionReader.PipeOptions(leaveOpen: true)), named, sink), cancellationToken).ConfigureAwait(false);
                }

                if (!force)
                {
                    RefuseUnlessSession(full, sink);
                }

                if (sink.DroppedBytes == 0 && sink.Summary.RecoveredLines.Count == 0)
                {
                    // Nothing to drop: the original stays, byte for byte and inode for inode.
                    kept.Close();
                    File.Delete(temporary);
                    return new SalvageResult(sink.Summary, sink.KeptEntries, 0, null);
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(kept.SafeFileHandle, File.GetUnixFileMode(full));
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

    private static void RefuseUnlessSession(string path, SalvageSink sink)
    {
        if (!sink.StartsWithHeader)
        {
            throw new SessionRepairRefusedException(path, 0, SessionResume.NotASession);
        }

        if (sink.KeptEntries == 0)
        {
            throw new SessionRepairRefusedException(path, 0, "salvage would keep no entry, so it may not be a session file (force the salvage if it is one)");
        }

        if (sink.Summary.UnknownEntries is [var unknown, ..])
        {
            throw new UnsupportedSessionFormatException(path, unknown.LineNumber, unknown.ByteOffset, sink.Summary.FormatVersion, unknown.Reason);
        }

        if (sink.Summary.IsReadOnlyFormat)
        {
            throw new UnsupportedSessionFormatException(path, 0, 0, sink.Summary.FormatVersion, "salvage refused: " + SessionResume.ReadOnlyReason(sink.Summary));
        }
    }
}

using System;

namespace Rho.Fast;

/// <summary>One row of rho's session index table (<c>sessions</c>), column for column.</summary>
/// <param name="WorkspaceKey">The workspace folder's name (<see cref="Rho.Fast.WorkspaceKey"/>).</param>
/// <param name="Cwd">The session's working directory.</param>
/// <param name="Id">The session id.</param>
/// <param name="Path">The transcript's path.</param>
/// <param name="CreatedAt">Unix seconds.</param>
/// <param name="UpdatedAt">Unix seconds.</param>
/// <param name="MessageCount">The messages a resume shows.</param>
/// <param name="Title">A title the user gave; never taken from the file.</param>
/// <param name="FirstUserMessage">The first user text.</param>
/// <param name="LastUserMessage">The last user text.</param>
/// <param name="FileSize">The transcript's size in bytes when the row was written.</param>
/// <param name="FileMtime">The transcript's modification time (whole Unix seconds) when the row was written.</param>
internal sealed record IndexRow(
    string WorkspaceKey,
    string Cwd,
    string Id,
    string Path,
    long CreatedAt,
    long UpdatedAt,
    long MessageCount,
    string? Title,
    string? FirstUserMessage,
    string? LastUserMessage,
    long? FileSize,
    long? FileMtime)
{
    /// <summary>
    /// Whether the row still describes <paramref name="unit"/> (rho's rule): the same path, size and
    /// modification time, and either no messages or a first user message recorded (rows of rho's
    /// oldest schema have none, so they are summarized again).
    /// </summary>
    public bool IsCurrentFor(SessionUnit unit) =>
        string.Equals(Path, unit.Path, StringComparison.Ordinal)
        && FileSize == unit.Size
        && FileMtime == unit.Mtime
        && (MessageCount == 0 || FirstUserMessage is not null);

    /// <summary>
    /// The row rho writes for a summarized file: the header's cwd (else <paramref name="cwd"/>), the
    /// id from the file name; created from the header, else the name, else the update time (0 counts
    /// as missing); updated from the latest entry, else the file's modification time.
    /// </summary>
    public static IndexRow Describe(string workspaceKey, string cwd, SessionUnit unit, SessionSummary summary, string? title)
    {
        long updated = Clamp(summary.UpdatedAt ?? 0);
        if (updated == 0)
        {
            updated = unit.Mtime;
        }

        long created = Clamp(summary.CreatedAt ?? unit.NameCreated ?? (ulong)Math.Max(updated, 0));
        if (created == 0)
        {
            created = updated;
        }

        return new IndexRow(
            workspaceKey, summary.Cwd ?? cwd, unit.Id, unit.Path, created, updated, summary.MessageCount,
            title, summary.FirstUserMessage, summary.LastUserMessage, unit.Size, unit.Mtime);
    }

    /// <summary>What can be said of a file that cannot be summarized: its name and times, no messages. Never written to an index.</summary>
    public static IndexRow Unread(string workspaceKey, string cwd, SessionUnit unit) =>
        new(workspaceKey, cwd, unit.Id, unit.Path, unit.NameCreated is { } created and > 0 ? Clamp(created) : unit.Mtime, unit.Mtime, 0, null, null, null, unit.Size, unit.Mtime);

    /// <summary>A row of a session just created: no messages yet, created and updated at once.</summary>
    public static IndexRow Created(string workspaceKey, string cwd, SessionUnit unit)
    {
        long created = unit.NameCreated is { } seconds ? Clamp(seconds) : unit.Mtime;
        return new IndexRow(workspaceKey, cwd, unit.Id, unit.Path, created, created, 0, null, null, null, unit.Size, unit.Mtime);
    }

    // SQLite integers are signed: rho clamps its unsigned values to i64.
    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;
}

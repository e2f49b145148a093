using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Data.Sqlite;

namespace Rho.Fast;

/// <summary>
/// Lists sessions through the session indexes, checking every row against its file. For each
/// session file found on disk the first row that still describes it (same path, size and
/// modification time) is taken: rho's row, then Rho.Fast's; otherwise the file is summarized and
/// the summary kept in Rho.Fast's index (never in rho's). Rows of files that are gone are dropped.
/// So a listing costs a folder scan and a query when nothing changed, and one read of each file
/// that did.
/// </summary>
internal static class SessionIndex
{
    private static readonly Dictionary<(string, string), IndexRow> NoRows = new();

    /// <summary>The sessions of the workspace of <paramref name="cwd"/>, in rho's listing order.</summary>
    /// <param name="root">The store root (a full path).</param>
    /// <param name="cwd">The working directory.</param>
    /// <exception cref="SessionStoreException">SQLite's native library cannot be loaded.</exception>
    public static List<SessionInfo> ListWorkspace(string root, string cwd)
    {
        string key = WorkspaceKey.For(cwd);
        var found = new List<(string, SessionUnit)>();
        foreach (SessionUnit unit in SessionUnit.In(Path.Combine(root, key)))
        {
            found.Add((key, unit));
        }

        return List(root, key, found, cwd);
    }

    /// <summary>The sessions of every workspace of the store, in rho's listing order.</summary>
    /// <param name="root">The store root (a full path).</param>
    /// <exception cref="SessionStoreException">SQLite's native library cannot be loaded.</exception>
    public static List<SessionInfo> ListAll(string root)
    {
        var found = new List<(string, SessionUnit)>();
        if (Directory.Exists(root))
        {
            foreach (string workspace in Directory.EnumerateDirectories(root))
            {
                string key = Path.GetFileName(workspace);
                foreach (SessionUnit unit in SessionUnit.In(workspace))
                {
                    found.Add((key, unit));
                }
            }
        }

        return List(root, null, found, null);
    }

    /// <summary>
    /// Records a session just created in Rho.Fast's index. Never fails the creation: a row that
    /// could not be written is made when the workspace is next listed.
    /// </summary>
    public static void RecordCreated(string root, string cwd, string path)
    {
        try
        {
            if (SessionUnit.Of(path) is { } unit)
            {
                using IndexDatabase? own = IndexDatabase.OpenOwn(root, create: true);
                own?.Write([IndexRow.Created(WorkspaceKey.For(cwd), cwd, unit)], []);
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or SessionStoreException)
        {
            // The file is the truth; the index catches up from it.
        }
    }

    private static List<SessionInfo> List(string root, string? workspaceKey, List<(string Key, SessionUnit Unit)> found, string? cwd)
    {
        if (found.Count == 0 && !File.Exists(Path.Combine(root, IndexDatabase.OwnFileName)))
        {
            // Nothing to list and nothing to clean up: create nothing.
            return [];
        }

        Dictionary<(string, string), IndexRow> rhoRows = NoRows;
        using (IndexDatabase? rho = IndexDatabase.OpenRho(root))
        {
            if (rho is not null)
            {
                try
                {
                    rhoRows = rho.Rows(workspaceKey);
                }
                catch (SqliteException)
                {
                    // Damaged or busy: rho's to mend; the files are read instead.
                }
            }
        }

        IndexDatabase? own = IndexDatabase.OpenOwn(root, create: false);
        try
        {
            Dictionary<(string, string), IndexRow> ownRows = NoRows;
            bool writable = true;
            if (own is not null)
            {
                try
                {
                    ownRows = own.Rows(workspaceKey);
                }
                catch (SqliteException e)
                {
                    own.Dispose();
                    own = null;
                    // Damage surfaces on reading a page: start the index again. Busy: leave it to its writer.
                    writable = IndexDatabase.IsDamage(e) && IndexDatabase.TryDeleteOwn(root);
                }
            }

            var sessions = new List<SessionInfo>(found.Count);
            var upserts = new List<IndexRow>();
            var seen = new HashSet<(string, string)>(found.Count);
            foreach ((string key, SessionUnit unit) in found)
            {
                rhoRows.TryGetValue((key, unit.Id), out IndexRow? fromRho);
                ownRows.TryGetValue((key, unit.Id), out IndexRow? fromOwn);
                string? title = fromRho?.Title ?? fromOwn?.Title;
                IndexRow row;
                if (fromRho is not null && fromRho.IsCurrentFor(unit))
                {
                    row = fromRho;
                }
                else if (fromOwn is not null && fromOwn.IsCurrentFor(unit))
                {
                    row = fromOwn.Title == title ? fromOwn : fromOwn with { Title = title };
                }
                else
                {
                    string rowCwd = cwd ?? fromRho?.Cwd ?? fromOwn?.Cwd ?? "";
                    try
                    {
                        row = IndexRow.Describe(key, rowCwd, unit, SessionSummarizer.Summarize(unit.Path), title);
                        upserts.Add(row);
                    }
                    catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
                    {
                        // Deleted since the folder was read.
                        continue;
                    }
                    catch (Exception e) when (e is SessionFormatException or UnsupportedSessionFormatException or IOException or UnauthorizedAccessException)
                    {
                        // Listed from what is known, kept nowhere: it is summarized again once it can be.
                        row = (fromRho ?? fromOwn) is { } known ? known : IndexRow.Unread(key, rowCwd, unit);
                    }
                }

                seen.Add((key, unit.Id));
                sessions.Add(Info(row, unit));
            }

            var deletes = new List<(string, string)>();
            foreach ((string, string) key in ownRows.Keys)
            {
                if (!seen.Contains(key))
                {
                    deletes.Add(key);
                }
            }

            if (writable && (upserts.Count > 0 || deletes.Count > 0))
            {
                own ??= IndexDatabase.OpenOwn(root, create: true);
                Save(root, own, upserts, deletes);
            }

            sessions.Sort(NewestFirst);
            return sessions;
        }
        finally
        {
            own?.Dispose();
        }
    }

    private static void Save(string root, IndexDatabase? own, List<IndexRow> upserts, List<(string, string)> deletes)
    {
        if (own is null)
        {
            return;
        }

        try
        {
            own.Write(upserts, deletes);
        }
        catch (SqliteException e)
        {
            // Busy or full: the next listing summarizes those files again. Damaged: the next one rebuilds.
            if (IndexDatabase.IsDamage(e))
            {
                own.Dispose();
                IndexDatabase.TryDeleteOwn(root);
            }
        }
    }

    private static SessionInfo Info(IndexRow row, SessionUnit unit) =>
        new(row.Id, row.Path, Seconds(row.CreatedAt), unit.Size, row.MessageCount, row.Title)
        {
            Cwd = row.Cwd,
            Updated = Seconds(row.UpdatedAt),
            FirstUserMessage = row.FirstUserMessage,
            LastUserMessage = row.LastUserMessage,
        };

    private static DateTimeOffset Seconds(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));

    // rho's order: updated_at desc, created_at desc, id asc.
    private static int NewestFirst(SessionInfo a, SessionInfo b)
    {
        int order = b.Updated.CompareTo(a.Updated);
        if (order == 0)
        {
            order = b.Created.CompareTo(a.Created);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Id, b.Id);
    }
}

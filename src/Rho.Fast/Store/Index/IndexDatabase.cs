using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Rho.Fast;

/// <summary>
/// A session index file in rho's schema (<c>sessions</c>, <c>pragma user_version = 1</c>). Two
/// files can exist in a store root: rho's own <c>index.sqlite3</c>, which is only ever opened read
/// only (never written, migrated or created), and Rho.Fast's <c>rho-fast-index.sqlite3</c> in the
/// same schema, which is a cache of the files: created when there is something to keep, and
/// rebuilt from nothing when it is not a database, has another schema, or is damaged.
/// </summary>
internal sealed class IndexDatabase : IDisposable
{
    /// <summary>The index rho keeps in a store root.</summary>
    public const string RhoFileName = "index.sqlite3";

    /// <summary>The index Rho.Fast keeps beside it.</summary>
    public const string OwnFileName = "rho-fast-index.sqlite3";

    private const int SchemaVersion = 1;

    // A busy index is skipped rather than waited for: the files are the truth, the index a shortcut.
    private const int BusySeconds = 1;

    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private static readonly string[] Columns =
    [
        "workspace_key", "cwd", "id", "path", "created_at", "updated_at", "message_count",
        "title", "first_user_message", "last_user_message", "file_size", "file_mtime",
    ];

    private const string Schema =
        """
        create table sessions (
            workspace_key text not null,
            cwd text not null,
            id text not null,
            path text not null,
            created_at integer not null,
            updated_at integer not null,
            message_count integer not null default 0,
            title text,
            first_user_message text,
            last_user_message text,
            file_size integer,
            file_mtime integer,
            primary key (workspace_key, id)
        );
        create index sessions_workspace_updated_idx on sessions(workspace_key, updated_at desc);
        create index sessions_workspace_id_idx on sessions(workspace_key, id);
        pragma user_version = 1;
        """;

    private const string Upsert =
        """
        insert into sessions (workspace_key, cwd, id, path, created_at, updated_at, message_count,
                              title, first_user_message, last_user_message, file_size, file_mtime)
        values ($ws, $cwd, $id, $path, $created, $updated, $count, $title, $first, $last, $size, $mtime)
        on conflict(workspace_key, id) do update set
            cwd = excluded.cwd, path = excluded.path, created_at = excluded.created_at,
            updated_at = excluded.updated_at, message_count = excluded.message_count,
            title = coalesce(sessions.title, excluded.title),
            first_user_message = excluded.first_user_message, last_user_message = excluded.last_user_message,
            file_size = excluded.file_size, file_mtime = excluded.file_mtime
        """;

    private readonly SqliteConnection _connection;

    // rho's first schema (user_version 0) has neither column; rho adds them when it migrates.
    private readonly bool _hasTitle;
    private readonly bool _hasFirstUserMessage;

    private IndexDatabase(SqliteConnection connection, bool hasTitle, bool hasFirstUserMessage)
    {
        _connection = connection;
        _hasTitle = hasTitle;
        _hasFirstUserMessage = hasFirstUserMessage;
    }

    /// <summary>
    /// rho's index of <paramref name="root"/>, read only, or <see langword="null"/> when there is
    /// none or it cannot be read as rho's schema 0 or 1 (then it is left exactly as it is).
    /// </summary>
    /// <exception cref="SessionStoreException">SQLite's native library cannot be loaded.</exception>
    public static IndexDatabase? OpenRho(string root)
    {
        string path = Path.Combine(root, RhoFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        SqliteConnection? connection = null;
        try
        {
            connection = Connect(ReadOnlySource(path), SqliteOpenMode.ReadOnly);
            long version = UserVersion(connection);
            HashSet<string> present = ColumnsOf(connection);
            bool hasTitle = present.Contains("title");
            bool hasFirst = present.Contains("first_user_message");
            bool complete = true;
            foreach (string column in Columns)
            {
                complete &= present.Contains(column) || (version == 0 && column is "title" or "first_user_message");
            }

            if (version is < 0 or > SchemaVersion || !complete)
            {
                connection.Dispose();
                return null;
            }

            return new IndexDatabase(connection, hasTitle, hasFirst);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            // Not a database, damaged, locked, unreadable or in a newer layout: rho's business, not ours to fix.
            connection?.Dispose();
            return null;
        }
    }

    /// <summary>
    /// Rho.Fast's index of <paramref name="root"/>, rebuilt empty when it is not a usable index in
    /// rho's schema 1; <see langword="null"/> when it does not exist and <paramref name="create"/>
    /// is false, or when it cannot be created or opened for writing.
    /// </summary>
    /// <exception cref="SessionStoreException">SQLite's native library cannot be loaded.</exception>
    public static IndexDatabase? OpenOwn(string root, bool create)
    {
        string path = Path.Combine(root, OwnFileName);
        if (File.Exists(path))
        {
            IndexDatabase? existing = TryOpenOwn(path, out bool unusable);
            if (existing is not null || !unusable)
            {
                // Open, or only unavailable for now (busy, locked): never thrown away for that.
                return existing;
            }

            // Garbage, another schema, or damage: it only ever held what the files say, so start again.
            if (!TryDelete(path) || !create)
            {
                return null;
            }
        }
        else if (!create || !Directory.Exists(root))
        {
            return null;
        }

        SqliteConnection? connection = null;
        try
        {
            // Created owner-only, as rho creates its index; SQLite gives its journal the same mode.
            using (new FileStream(path, DurableFile.PrivateFileOptions(FileMode.CreateNew, FileAccess.Write)))
            {
            }

            connection = Connect(path, SqliteOpenMode.ReadWrite);
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            Execute(connection, transaction, Schema);
            transaction.Commit();
            return new IndexDatabase(connection, hasTitle: true, hasFirstUserMessage: true);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            // A read-only root, a full disk, another process creating it at the same moment: list without it.
            connection?.Dispose();
            return null;
        }
    }

    /// <summary>Whether an exception from this index means its file is damaged, so that it should be rebuilt.</summary>
    public static bool IsDamage(SqliteException e) => e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    /// <summary>Deletes Rho.Fast's index of <paramref name="root"/> (and its journal), so the next write rebuilds it.</summary>
    public static bool TryDeleteOwn(string root) => TryDelete(Path.Combine(root, OwnFileName));

    /// <summary>The rows of one workspace, or of every workspace when <paramref name="workspaceKey"/> is null, by workspace and id.</summary>
    /// <remarks>
    /// Read through SQLite's own interface rather than ADO.NET's reader, which costs more than the
    /// query itself on a listing's hundreds of rows.
    /// </remarks>
    /// <exception cref="SqliteException">The query failed (damage, a lock held too long).</exception>
    public Dictionary<(string WorkspaceKey, string Id), IndexRow> Rows(string? workspaceKey)
    {
        string sql =
            "select " + (workspaceKey is null ? "workspace_key" : "null") + ", cwd, id, path, created_at, updated_at, message_count, "
            + (_hasTitle ? "title" : "null") + ", "
            + (_hasFirstUserMessage ? "first_user_message" : "null")
            + ", last_user_message, file_size, file_mtime from sessions"
            + (workspaceKey is null ? "" : " where workspace_key = ?1");
        sqlite3 database = _connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, sql, out sqlite3_stmt statement), database);
        using (statement)
        {
            if (workspaceKey is not null)
            {
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text(statement, 1, workspaceKey), database);
            }

            var rows = new Dictionary<(string, string), IndexRow>();
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                // The first seven columns are "not null" in both of rho's schemas; the rest may be null.
                string key = workspaceKey ?? Text(statement, 0)!;
                string id = Text(statement, 2)!;
                rows[(key, id)] = new IndexRow(
                    key,
                    Text(statement, 1)!,
                    id,
                    Text(statement, 3)!,
                    Math.Max(raw.sqlite3_column_int64(statement, 4), 0),
                    Math.Max(raw.sqlite3_column_int64(statement, 5), 0),
                    Math.Max(raw.sqlite3_column_int64(statement, 6), 0),
                    Text(statement, 7),
                    Text(statement, 8),
                    Text(statement, 9),
                    Integer(statement, 10),
                    Integer(statement, 11));
            }

            SqliteException.ThrowExceptionForRC(result == raw.SQLITE_DONE ? raw.SQLITE_OK : result, database);
            return rows;
        }
    }

    /// <summary>Writes rows (keeping a title already there) and deletes others, in one transaction.</summary>
    public void Write(IReadOnlyList<IndexRow> upserts, IReadOnlyList<(string WorkspaceKey, string Id)> deletes)
    {
        using SqliteTransaction transaction = _connection.BeginTransaction(deferred: false);
        if (upserts.Count > 0)
        {
            using SqliteCommand upsert = _connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = Upsert;
            SqliteParameter[] parameters =
            [
                upsert.Parameters.Add("$ws", SqliteType.Text), upsert.Parameters.Add("$cwd", SqliteType.Text),
                upsert.Parameters.Add("$id", SqliteType.Text), upsert.Parameters.Add("$path", SqliteType.Text),
                upsert.Parameters.Add("$created", SqliteType.Integer), upsert.Parameters.Add("$updated", SqliteType.Integer),
                upsert.Parameters.Add("$count", SqliteType.Integer), upsert.Parameters.Add("$title", SqliteType.Text),
                upsert.Parameters.Add("$first", SqliteType.Text), upsert.Parameters.Add("$last", SqliteType.Text),
                upsert.Parameters.Add("$size", SqliteType.Integer), upsert.Parameters.Add("$mtime", SqliteType.Integer),
            ];
            foreach (IndexRow row in upserts)
            {
                parameters[0].Value = row.WorkspaceKey;
                parameters[1].Value = row.Cwd;
                parameters[2].Value = row.Id;
                parameters[3].Value = row.Path;
                parameters[4].Value = row.CreatedAt;
                parameters[5].Value = row.UpdatedAt;
                parameters[6].Value = row.MessageCount;
                parameters[7].Value = (object?)row.Title ?? DBNull.Value;
                parameters[8].Value = (object?)row.FirstUserMessage ?? DBNull.Value;
                parameters[9].Value = (object?)row.LastUserMessage ?? DBNull.Value;
                parameters[10].Value = (object?)row.FileSize ?? DBNull.Value;
                parameters[11].Value = (object?)row.FileMtime ?? DBNull.Value;
                upsert.ExecuteNonQuery();
            }
        }

        if (deletes.Count > 0)
        {
            using SqliteCommand delete = _connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "delete from sessions where workspace_key = $ws and id = $id";
            SqliteParameter workspace = delete.Parameters.Add("$ws", SqliteType.Text);
            SqliteParameter id = delete.Parameters.Add("$id", SqliteType.Text);
            foreach ((string key, string session) in deletes)
            {
                workspace.Value = key;
                id.Value = session;
                delete.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _connection.Dispose();

    /// <summary>Rho.Fast's index at <paramref name="path"/>; when null, <paramref name="unusable"/> says whether it can never be used as it is.</summary>
    private static IndexDatabase? TryOpenOwn(string path, out bool unusable)
    {
        SqliteConnection? connection = null;
        unusable = false;
        try
        {
            connection = Connect(path, SqliteOpenMode.ReadWrite);
            if (UserVersion(connection) == SchemaVersion && ColumnsOf(connection).IsSupersetOf(Columns))
            {
                return new IndexDatabase(connection, hasTitle: true, hasFirstUserMessage: true);
            }

            unusable = true;
        }
        catch (SqliteException e)
        {
            unusable = IsDamage(e);
        }

        connection?.Dispose();
        return null;
    }

    private static SqliteConnection Connect(string dataSource, SqliteOpenMode mode)
    {
        var settings = new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = mode,
            // Pooled connections would keep the file open after a listing, in every process that listed.
            Pooling = false,
            DefaultTimeout = BusySeconds,
        };
        SqliteConnection? connection = null;
        try
        {
            connection = new SqliteConnection(settings.ToString());
            connection.Open();

            // ADO.NET's commands retry a busy database themselves; SQLite's own interface needs its timeout.
            raw.sqlite3_busy_timeout(connection.Handle, BusySeconds * 1000);
            if (mode != SqliteOpenMode.ReadOnly)
            {
                // A cache of the files: a lost write is found stale by size and time, a damaged file rebuilt.
                Execute(connection, null, "pragma synchronous = off");
            }

            return connection;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException)
        {
            connection?.Dispose();
            throw new SessionStoreException(
                "The session index needs SQLite's native library (e_sqlite3), which could not be loaded: " + Innermost(e).Message
                + " It ships beside the program (libe_sqlite3.so, e_sqlite3.dll or libe_sqlite3.dylib): publish or copy it with the program.");
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    /// <summary>
    /// rho's index opened read only. A write-ahead-log database would have SQLite create its
    /// shared-memory file even for a reader; when rho has not left one, the file is read as immutable.
    /// </summary>
    private static string ReadOnlySource(string path)
    {
        Span<byte> header = stackalloc byte[20];
        bool wal;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1))
        {
            wal = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header[18] == 2;
        }

        return wal && !File.Exists(path + "-shm")
            ? "file:" + Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal) + "?immutable=1"
            : path;
    }

    private static long UserVersion(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "pragma user_version";
        return command.ExecuteScalar() is long version ? version : -1;
    }

    private static HashSet<string> ColumnsOf(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "select name from pragma_table_info('sessions')";
        var names = new HashSet<string>(StringComparer.Ordinal);
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Text(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, column));

    private static long? Integer(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(statement, column);

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            File.Delete(path + "-journal");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

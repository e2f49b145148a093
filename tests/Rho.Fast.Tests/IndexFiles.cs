using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Rho.Fast.Tests;

/// <summary>Session index files for tests: made, read and fingerprinted directly through SQLite.</summary>
internal static class IndexFiles
{
    public const string Own = "rho-fast-index.sqlite3";
    public const string Rho = "index.sqlite3";

    /// <summary>Runs <paramref name="sql"/> on the database at <paramref name="path"/>, creating it.</summary>
    public static void Execute(string path, string sql, params (string Name, object? Value)[] parameters)
    {
        using SqliteConnection connection = Open(path, SqliteOpenMode.ReadWriteCreate);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Each row of <paramref name="sql"/>, its columns as objects (DBNull as null).</summary>
    public static List<object?[]> Query(string path, string sql)
    {
        using SqliteConnection connection = Open(path, SqliteOpenMode.ReadOnly);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static long UserVersion(string path) => (long)Query(path, "pragma user_version")[0][0]!;

    /// <summary>Inserts a row in rho's schema 1 (all twelve columns).</summary>
    public static void InsertRow(
        string index, string workspaceKey, string cwd, string id, string path, long created, long updated, long count,
        string? title, string? first, string? last, long? size, long? mtime) =>
        Execute(
            index,
            "insert into sessions values ($ws, $cwd, $id, $path, $created, $updated, $count, $title, $first, $last, $size, $mtime)",
            ("$ws", workspaceKey), ("$cwd", cwd), ("$id", id), ("$path", path), ("$created", created), ("$updated", updated),
            ("$count", count), ("$title", title), ("$first", first), ("$last", last), ("$size", size), ("$mtime", mtime));

    /// <summary>The size and whole-second modification time an index row records for a file.</summary>
    public static (long Size, long Mtime) Stat(string path)
    {
        var file = new FileInfo(path);
        return (file.Length, new DateTimeOffset(file.LastWriteTimeUtc).ToUnixTimeSeconds());
    }

    public static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}

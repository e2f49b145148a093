using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>
/// rho's own <c>index.sqlite3</c>, made here from rho's schema fixtures: read where a row still
/// matches its file, corrected from the file where it does not, and never changed in any way.
/// </summary>
public sealed class RhoIndexTests
{
    private const string Cwd = "/home/u/rho-project";

    [Fact]
    public void Current_rows_are_taken_stale_ones_corrected_and_the_file_never_changes()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string current = Write(store, "11111111-0000-4000-8000-000000000000", "what the file says first", "and last");
        string stale = Write(store, "22222222-0000-4000-8000-000000000000", "the file's first words", "the file's last words");
        string gone = Path.Combine(store.WorkspaceDirectory(Cwd), "1700000000_33333333-0000-4000-8000-000000000000.jsonl");
        string index = RhoIndex(root, "index-v1.sql");
        string key = WorkspaceKey.For(Cwd);
        (long size, long mtime) = IndexFiles.Stat(current);
        IndexFiles.InsertRow(index, key, Cwd, "11111111-0000-4000-8000-000000000000", current, 1600000000, 1800000000, 7, "Named in rho", "rho's first", "rho's last", size, mtime);
        (size, mtime) = IndexFiles.Stat(stale);
        IndexFiles.InsertRow(index, key, Cwd, "22222222-0000-4000-8000-000000000000", stale, 1600000000, 1800000001, 9, "Stale but named", "old first", "old last", size - 1, mtime);
        IndexFiles.InsertRow(index, key, Cwd, "33333333-0000-4000-8000-000000000000", gone, 1600000000, 1900000000, 1, null, "gone", "gone", 10, 10);
        string before = IndexFiles.Hash(index);
        DateTime modified = File.GetLastWriteTimeUtc(index);
        string[] filesBefore = Directory.GetFiles(root.Path);

        IReadOnlyList<SessionInfo> listed = store.List(Cwd);
        IReadOnlyList<SessionInfo> all = store.ListAll();
        IReadOnlyList<SessionInfo> again = store.List(Cwd);

        Assert.Equal(2, listed.Count);
        SessionInfo fromRho = listed.Single(s => s.Path == current);
        Assert.Equal(("Named in rho", "rho's first", "rho's last", 7L), (fromRho.Title, fromRho.FirstUserMessage, fromRho.LastUserMessage, fromRho.MessageCount));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1800000000), fromRho.Updated);
        SessionInfo corrected = listed.Single(s => s.Path == stale);
        Assert.Equal(("Stale but named", "the file's first words", "the file's last words", 3L), (corrected.Title, corrected.FirstUserMessage, corrected.LastUserMessage, corrected.MessageCount));
        Assert.Equal(new FileInfo(stale).Length, corrected.Size);
        Assert.Equal(listed, again);
        Assert.Equal(listed.OrderBy(s => s.Path), all.OrderBy(s => s.Path));

        // rho's file: the same bytes and time, and nothing new beside it but Rho.Fast's own index.
        Assert.Equal(before, IndexFiles.Hash(index));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(index));
        Assert.Equal(filesBefore.Append(root.Combine(IndexFiles.Own)).Order(), Directory.GetFiles(root.Path).Order());
        Assert.Equal(["22222222-0000-4000-8000-000000000000"], IndexFiles.Query(root.Combine(IndexFiles.Own), "select id from sessions").Select(row => (string)row[0]!));
    }

    [Fact]
    public void A_schema_0_index_is_read_without_being_migrated()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string path = Write(store, "44444444-0000-4000-8000-000000000000", "first of v0", "last of v0");
        string index = RhoIndex(root, "index-v0.sql");
        (long size, long mtime) = IndexFiles.Stat(path);
        IndexFiles.Execute(
            index,
            "insert into sessions (workspace_key, cwd, id, path, created_at, updated_at, message_count, last_user_message, file_size, file_mtime) values ($ws, $cwd, $id, $path, 1, 2, 3, 'rho v0 last', $size, $mtime)",
            ("$ws", WorkspaceKey.For(Cwd)), ("$cwd", Cwd), ("$id", "44444444-0000-4000-8000-000000000000"), ("$path", path), ("$size", size), ("$mtime", mtime));
        string before = IndexFiles.Hash(index);

        SessionInfo info = Assert.Single(store.List(Cwd));

        // Schema 0 has no first user message, so rho's rule finds the row stale and the file is read.
        Assert.Equal(("first of v0", "last of v0", 3L), (info.FirstUserMessage, info.LastUserMessage, info.MessageCount));
        Assert.Equal(before, IndexFiles.Hash(index));
        Assert.Equal(0, IndexFiles.UserVersion(index));
        Assert.DoesNotContain(IndexFiles.Query(index, "select name from pragma_table_info('sessions')"), row => (string)row[0]! is "title" or "first_user_message");
    }

    public static IEnumerable<object[]> UnusableIndexes() =>
    [
        ["a newer schema", (Action<string>)(path => IndexFiles.Execute(path, "pragma user_version = 2"))],
        ["a missing column", (Action<string>)(path => IndexFiles.Execute(path, "alter table sessions drop column file_mtime"))],
        ["garbage bytes", (Action<string>)(path => File.WriteAllBytes(path, Enumerable.Repeat((byte)'x', 4096).ToArray()))],
        ["an empty file", (Action<string>)(path => File.WriteAllBytes(path, []))],
    ];

    [Theory]
    [MemberData(nameof(UnusableIndexes))]
    public void An_index_rho_could_not_use_is_left_alone_and_the_files_listed(string what, Action<string> make)
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string path = Write(store, "55555555-0000-4000-8000-000000000000", "from the file", "end");
        string index = RhoIndex(root, "index-v1.sql");
        (long size, long mtime) = IndexFiles.Stat(path);
        IndexFiles.InsertRow(index, WorkspaceKey.For(Cwd), Cwd, "55555555-0000-4000-8000-000000000000", path, 1, 2, 99, "rho's title", "rho's first", "rho's last", size, mtime);
        make(index);
        string before = IndexFiles.Hash(index);

        SessionInfo info = Assert.Single(store.List(Cwd));

        Assert.True(("from the file", 3L) == (info.FirstUserMessage, info.MessageCount), what);
        Assert.Equal(before, IndexFiles.Hash(index));
    }

    [Fact]
    public void A_file_this_version_cannot_read_keeps_rho_s_current_row()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string workspace = store.WorkspaceDirectory(Cwd);
        Directory.CreateDirectory(workspace);
        string path = Path.Combine(workspace, "1700000000_66666666-0000-4000-8000-000000000000.jsonl");
        File.WriteAllText(path, "{\"type\":\"session\",\"version\":4,\"id\":\"66666666-0000-4000-8000-000000000000\",\"timestamp\":\"1700000000\",\"cwd\":\"" + Cwd + "\"}\n");
        string index = RhoIndex(root, "index-v1.sql");
        (long size, long mtime) = IndexFiles.Stat(path);
        IndexFiles.InsertRow(index, WorkspaceKey.For(Cwd), Cwd, "66666666-0000-4000-8000-000000000000", path, 1700000000, 1700000900, 12, null, "written by rho 1.47", "its last", size, mtime);

        SessionInfo info = Assert.Single(store.List(Cwd));

        Assert.Equal((12L, "written by rho 1.47"), (info.MessageCount, info.FirstUserMessage));
        Assert.False(File.Exists(root.Combine(IndexFiles.Own)));
    }

    /// <summary>rho's index in the root, made from the fixture's SQL (which holds one row of a session elsewhere).</summary>
    private static string RhoIndex(TempDirectory root, string fixture)
    {
        string path = root.Combine(IndexFiles.Rho);
        IndexFiles.Execute(path, File.ReadAllText(Vectors.PathOf("rho-1.47/" + fixture)));
        return path;
    }

    private static string Write(SessionStore store, string id, string first, string last)
    {
        string directory = store.WorkspaceDirectory(Cwd);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, "1700000000_" + id + ".jsonl");
        File.WriteAllText(
            path,
            Conversation.HeaderLine(id, "1700000000", Cwd) + Conversation.EntryLine(Message.UserText(first), "1700000001")
            + Conversation.EntryLine(Message.AssistantText("ok"), "1700000002") + Conversation.EntryLine(Message.UserText(last), "1700000003"));
        return path;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>Rho.Fast's own session index: kept on create and listing, trusted only while the file is unchanged, rebuilt when damaged.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // The index file's mode is part of what is tested.
public sealed class SessionIndexTests
{
    private const string Cwd = "/home/u/indexed";

    [Fact]
    public void Creating_a_session_records_its_row()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string path;
        using (Session session = store.Create(Cwd))
        {
            path = session.Path;
        }

        object?[] row = Assert.Single(IndexFiles.Query(Own(root), "select workspace_key, cwd, id, path, created_at, updated_at, message_count, title, first_user_message, last_user_message, file_size, file_mtime from sessions"));
        long created = long.Parse(Path.GetFileName(path).Split('_')[0]);
        (long size, long mtime) = IndexFiles.Stat(path);
        Assert.Equal(new object?[] { WorkspaceKey.For(Cwd), Cwd, SessionStore.IdOf(path), path, created, created, 0L, null, null, null, size, mtime }, row);
        Assert.Equal(1, IndexFiles.UserVersion(Own(root)));
        Assert.Equal(DurableFile.PrivateFile, File.GetUnixFileMode(Own(root)));
    }

    [Fact]
    public void A_listing_is_kept_in_the_index_and_read_from_it_while_the_file_is_unchanged()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string path = Create(store, "what is in the file", "and more");

        SessionInfo first = Assert.Single(store.List(Cwd));
        Assert.Equal("what is in the file", first.FirstUserMessage);
        (long size, long mtime) = IndexFiles.Stat(path);
        object?[] row = Assert.Single(IndexFiles.Query(Own(root), "select message_count, first_user_message, last_user_message, file_size, file_mtime from sessions"));
        Assert.Equal(new object?[] { 3L, "what is in the file", "and more", size, mtime }, row);

        // A row that still matches the file is what the listing shows: the file is not read again.
        IndexFiles.Execute(Own(root), "update sessions set first_user_message = 'from the index', message_count = 42");
        SessionInfo second = Assert.Single(store.List(Cwd));
        Assert.Equal("from the index", second.FirstUserMessage);
        Assert.Equal(42, second.MessageCount);
    }

    [Fact]
    public void An_append_by_another_writer_is_found_by_size_and_read_again()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string path = Create(store, "question");
        Assert.Equal(1, Assert.Single(store.List(Cwd)).MessageCount);

        File.AppendAllText(path, Conversation.EntryLine(Message.AssistantText("answer"), "1900000000") + Conversation.EntryLine(Message.UserText("follow-up"), "1900000001"));

        SessionInfo info = Assert.Single(store.List(Cwd));
        Assert.Equal(3, info.MessageCount);
        Assert.Equal("follow-up", info.LastUserMessage);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1900000001), info.Updated);
        (long size, long mtime) = IndexFiles.Stat(path);
        Assert.Equal(new object?[] { 3L, "follow-up", size, mtime }, Assert.Single(IndexFiles.Query(Own(root), "select message_count, last_user_message, file_size, file_mtime from sessions")));
    }

    [Fact]
    public void A_truncated_file_is_read_again()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string path = Create(store, "one", "two", "three");
        Assert.Equal(5, Assert.Single(store.List(Cwd)).MessageCount);

        // Cut back to the header and the first exchange, in the same second as the listing.
        string[] lines = File.ReadAllLines(path);
        File.WriteAllText(path, string.Join("\n", lines.Take(3)) + "\n");

        SessionInfo info = Assert.Single(store.List(Cwd));
        Assert.Equal(2, info.MessageCount);
        Assert.Equal("one", info.LastUserMessage);
        Assert.Equal(new FileInfo(path).Length, info.Size);
    }

    [Fact]
    public void Rows_of_deleted_sessions_are_dropped()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string kept = Create(store, "kept");
        string gone = Create(store, "gone");
        Assert.Equal(2, store.List(Cwd).Count);

        File.Delete(gone);

        Assert.Equal(kept, Assert.Single(store.List(Cwd)).Path);
        Assert.Equal(SessionStore.IdOf(kept), Assert.Single(IndexFiles.Query(Own(root), "select id from sessions"))[0]);
    }

    public static IEnumerable<object[]> DamagedIndexes() =>
    [
        ["garbage bytes", (Action<string>)(path => File.WriteAllBytes(path, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray()))],
        ["an empty file", (Action<string>)(path => File.WriteAllBytes(path, []))],
        ["another table", (Action<string>)(path => IndexFiles.Execute(path, "drop table sessions; create table sessions (workspace_key text, id text); pragma user_version = 1;"))],
        ["a missing column", (Action<string>)(path => IndexFiles.Execute(path, "alter table sessions drop column last_user_message"))],
        ["user_version 2", (Action<string>)(path => IndexFiles.Execute(path, "update sessions set first_user_message = 'stale'; pragma user_version = 2;"))],
        ["user_version 0", (Action<string>)(path => IndexFiles.Execute(path, "update sessions set first_user_message = 'stale'; pragma user_version = 0;"))],
        ["a torn database", (Action<string>)(path => { byte[] bytes = File.ReadAllBytes(path); File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]); })],
        ["overwritten pages", (Action<string>)(path => { byte[] bytes = File.ReadAllBytes(path); Array.Fill(bytes, (byte)0xA5, 100, bytes.Length - 100); File.WriteAllBytes(path, bytes); })],
    ];

    [Theory]
    [MemberData(nameof(DamagedIndexes))]
    public void A_damaged_index_is_rebuilt_from_the_files(string damage, Action<string> spoil)
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        Create(store, "alpha");
        Create(store, "beta", "gamma");
        IReadOnlyList<SessionInfo> expected = store.List(Cwd);
        spoil(Own(root));

        IReadOnlyList<SessionInfo> listed = store.List(Cwd);

        Assert.True(expected.SequenceEqual(listed), damage);
        Assert.Equal(1, IndexFiles.UserVersion(Own(root)));
        Assert.Equal(
            expected.Select(s => s.FirstUserMessage).Order(),
            IndexFiles.Query(Own(root), "select first_user_message from sessions").Select(row => (string?)row[0]).Order());
        Assert.True(expected.SequenceEqual(store.List(Cwd)), damage);
    }

    [Fact]
    public void A_locked_index_is_listed_around_and_kept()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string path = Create(store, "locked out");
        Assert.Single(store.List(Cwd));

        using (var writer = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Own(root) + ";Pooling=False"))
        {
            writer.Open();
            using var command = writer.CreateCommand();
            command.CommandText = "begin exclusive; update sessions set first_user_message = 'held'";
            command.ExecuteNonQuery();

            // Another writer holds it: the files are read instead, and the index is neither waited for long nor thrown away.
            Assert.Equal("locked out", Assert.Single(store.List(Cwd)).FirstUserMessage);
            command.CommandText = "commit";
            command.ExecuteNonQuery();
        }

        // The same index file, with the other writer's row: it was not replaced while locked.
        SessionInfo info = Assert.Single(store.List(Cwd));
        Assert.Equal(path, info.Path);
        Assert.Equal("held", info.FirstUserMessage);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_listed_by_name_and_kept_out_of_the_index()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string readable = Create(store, "fine");
        string workspace = store.WorkspaceDirectory(Cwd);
        string newer = Path.Combine(workspace, "1700000000_99999999-0000-4000-8000-000000000000.jsonl");
        File.WriteAllText(newer, "{\"type\":\"session\",\"version\":5,\"id\":\"99999999-0000-4000-8000-000000000000\",\"timestamp\":\"1700000000\",\"cwd\":\"/x\"}\n{\"type\":\"node\"}\n");
        string corrupt = Path.Combine(workspace, "1700000001_88888888-0000-4000-8000-000000000000.jsonl");
        File.WriteAllText(corrupt, Conversation.HeaderLine() + "{not json\n" + Conversation.EntryLine(Message.UserText("after")));

        IReadOnlyList<SessionInfo> listed = store.List(Cwd);

        Assert.Equal(3, listed.Count);
        foreach (string path in new[] { newer, corrupt })
        {
            SessionInfo info = listed.Single(s => s.Path == path);
            Assert.Equal(0, info.MessageCount);
            Assert.Equal(new FileInfo(path).Length, info.Size);
            Assert.Equal(Cwd, info.Cwd);
        }

        Assert.Equal(SessionStore.IdOf(readable), Assert.Single(IndexFiles.Query(Own(root), "select id from sessions"))[0]);
    }

    [Fact]
    public void Every_workspace_is_listed_together_in_one_order()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string workspace = store.WorkspaceDirectory(Cwd);
        string elsewhere = store.WorkspaceDirectory("/home/u/elsewhere");
        Directory.CreateDirectory(workspace);
        Directory.CreateDirectory(Path.Combine(elsewhere, "1700000300_cccccccc-0000-4000-8000-000000000000"));
        Write(Path.Combine(workspace, "1700000000_aaaaaaaa-0000-4000-8000-000000000000.jsonl"), "aaaaaaaa-0000-4000-8000-000000000000", Cwd, "1700000000", "1700000500");
        Write(Path.Combine(elsewhere, "1700000100_bbbbbbbb-0000-4000-8000-000000000000.jsonl"), "bbbbbbbb-0000-4000-8000-000000000000", "/home/u/elsewhere", "1700000100", "1700000100");
        Write(Path.Combine(elsewhere, "1700000300_cccccccc-0000-4000-8000-000000000000", "session.jsonl"), "cccccccc-0000-4000-8000-000000000000", "/home/u/elsewhere", "1700000300", "1700000500");

        IReadOnlyList<SessionInfo> all = store.ListAll();

        // Updated last first; the same update goes to the later created.
        Assert.Equal(["cccccccc", "aaaaaaaa", "bbbbbbbb"], all.Select(s => s.Id[..8]));
        Assert.Equal(["/home/u/elsewhere", Cwd, "/home/u/elsewhere"], all.Select(s => s.Cwd));
        Assert.Equal(3, IndexFiles.Query(Own(root), "select id from sessions").Count);
        Assert.Equal(["aaaaaaaa"], store.List(Cwd).Select(s => s.Id[..8]));
    }

    [Fact]
    public void Created_falls_back_from_the_header_to_the_name_and_a_zero_to_the_update()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string workspace = store.WorkspaceDirectory(Cwd);
        Directory.CreateDirectory(workspace);
        string noHeader = Path.Combine(workspace, "1600000000_dddddddd-0000-4000-8000-000000000000.jsonl");
        File.WriteAllText(noHeader, Conversation.EntryLine(Message.UserText("headless"), "1600000100"));
        string zero = Path.Combine(workspace, "0_eeeeeeee-0000-4000-8000-000000000000.jsonl");
        File.WriteAllText(zero, Conversation.HeaderLine("eeeeeeee-0000-4000-8000-000000000000", "0", "/home/u/from-header") + Conversation.EntryLine(Message.UserText("zero"), "1600000200"));

        IReadOnlyList<SessionInfo> listed = store.List(Cwd);

        SessionInfo headless = listed.Single(s => s.Path == noHeader);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1600000000), headless.Created);
        Assert.Equal(Cwd, headless.Cwd);
        SessionInfo zeroed = listed.Single(s => s.Path == zero);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1600000200), zeroed.Created);
        Assert.Equal("/home/u/from-header", zeroed.Cwd);
    }

    [Fact]
    public void Listing_an_empty_store_creates_nothing()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Combine("sessions"));

        Assert.Empty(store.List(Cwd));
        Assert.Empty(store.ListAll());
        Assert.False(Directory.Exists(store.Root));
    }

    [Fact]
    public void The_id_prefix_lookup_does_not_depend_on_the_index()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string path = Create(store, "findable");
        store.List(Cwd);

        // A row naming a session that has no file is never a match; the folder decides.
        IndexFiles.InsertRow(Own(root), WorkspaceKey.For(Cwd), Cwd, "abcdef00-0000-4000-8000-000000000000", store.WorkspaceDirectory(Cwd) + "/1_abcdef00-0000-4000-8000-000000000000.jsonl", 1, 1, 1, null, "ghost", null, 1, 1);
        Assert.Throws<SessionLookupException>(() => store.FindByIdPrefix(Cwd, "abcdef"));
        Assert.Equal(path, store.FindByIdPrefix(Cwd, SessionStore.IdOf(path)![..8]));
        File.WriteAllBytes(Own(root), [1, 2, 3]);
        Assert.Equal(path, store.FindByIdPrefix(Cwd, SessionStore.IdOf(path)![..8]));
    }

    private static string Own(TempDirectory root) => root.Combine(IndexFiles.Own);

    /// <summary>A session made through the store: each user text answered, the last one left for a reply.</summary>
    private static string Create(SessionStore store, params string[] userTexts)
    {
        using Session session = store.Create(Cwd);
        for (int i = 0; i < userTexts.Length; i++)
        {
            if (i > 0)
            {
                session.Append(Message.AssistantText("reply " + i));
            }

            session.Append(Message.UserText(userTexts[i]));
        }

        return session.Path;
    }

    private static void Write(string path, string id, string cwd, string created, string updated) =>
        File.WriteAllText(path, Conversation.HeaderLine(id, created, cwd) + Conversation.EntryLine(Message.UserText("hi from " + id[..8]), updated));
}

using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Rho.Fast.Serialization;
using System.Runtime.Versioning;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>Resuming never loses data appended afterwards, and the store's other promises.</summary>
[UnsupportedOSPlatform("windows")] // Unix permission modes are part of what is tested.
public sealed partial class StoreResumeTests
{
    [Fact]
    public void Appending_after_a_torn_tail_survives_the_next_resume()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        string id;
        using (Session session = store.Create(cwd.Path))
        {
            id = session.Id;
            session.Append(Message.UserText("one"));
            File.AppendAllText(session.Path, "{\"type\":\"message\",\"timest");
        }

        using (ResumedSession resumed = store.Resume(cwd.Path, id))
        {
            Assert.Equal([Message.UserText("one")], resumed.Messages);
            Assert.NotNull(resumed.Repair);
            Assert.Equal("{\"type\":\"message\",\"timest\n", File.ReadAllText(resumed.Repair!.BackupPath!));
            resumed.Session.Append(Message.UserText("two"));
        }

        using ResumedSession again = store.Resume(cwd.Path, id);
        Assert.Equal([Message.UserText("one"), Message.UserText("two")], again.Messages);
        Assert.Null(again.Repair);
    }

    [Fact]
    public void Appending_after_a_dropped_tool_turn_survives_the_next_resume()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        string id;
        using (Session session = store.Create(cwd.Path))
        {
            id = session.Id;
            session.Append(Message.UserText("run it"));
            session.Append(Conversation.ToolCalls("a", "b"));
            session.Append(Conversation.Result("a"));
        }

        Message interrupted = Message.ToolResultFor("b", false, SessionRepair.InterruptedResultText);
        Message[] answered = [Message.UserText("run it"), Conversation.ToolCalls("a", "b"), Conversation.Result("a"), interrupted];
        using (ResumedSession resumed = store.Resume(cwd.Path, id))
        {
            Assert.Equal(answered, resumed.Messages);
            Assert.Equal(["b"], resumed.Repair!.InterruptedToolCallIds);
            Assert.Null(resumed.Repair.BackupPath);
            resumed.Session.Append(Message.UserText("after the crash"));
            resumed.Session.Append(Message.AssistantText("fine"));
        }

        using ResumedSession again = store.Resume(cwd.Path, id);
        Assert.Equal([.. answered, Message.UserText("after the crash"), Message.AssistantText("fine")], again.Messages);
        Assert.Null(again.Repair);
        Assert.False(File.Exists(again.Session.Path + ".dropped"));
    }

    [Fact]
    public void A_last_line_without_newline_gets_one_before_the_next_append()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        string id;
        using (Session session = store.Create(cwd.Path))
        {
            id = session.Id;
            session.Append(Message.UserText("one"));
        }

        string path = store.FindByIdPrefix(cwd.Path, id);
        File.WriteAllText(path, File.ReadAllText(path).TrimEnd('\n'));
        using (ResumedSession resumed = store.Resume(cwd.Path, id))
        {
            Assert.Null(resumed.Repair);
            resumed.Session.Append(Message.UserText("two"));
        }

        using ResumedSession again = store.Resume(cwd.Path, id);
        Assert.Equal([Message.UserText("one"), Message.UserText("two")], again.Messages);
    }

    [Fact]
    public void A_corrupt_file_is_refused_and_left_unchanged()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        string id;
        using (Session session = store.Create(cwd.Path))
        {
            id = session.Id;
            File.AppendAllText(session.Path, "garbage\n");
            session.Append(Message.UserText("after"));
        }

        string path = store.FindByIdPrefix(cwd.Path, id);
        byte[] before = File.ReadAllBytes(path);
        var error = Assert.Throws<SessionFormatException>(() => store.Resume(cwd.Path, id));
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Append_range_writes_one_batch_that_reads_back_in_order()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        using Session session = store.Create(cwd.Path);
        Message[] batch = Enumerable.Range(0, 100).Select(i => Message.UserText("m" + i)).ToArray();
        session.AppendRange(batch);

        using ResumedSession resumed = store.Resume(cwd.Path, session.Id);
        Assert.Equal(batch, resumed.Messages);
    }

    [Fact]
    public void Prefix_matching_follows_the_reference()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        using Session a = store.Create(cwd.Path);
        using Session b = store.Create(cwd.Path);

        Assert.Equal(a.Path, store.FindByIdPrefix(cwd.Path, a.Id));
        Assert.Throws<SessionLookupException>(() => store.FindByIdPrefix(cwd.Path, ""));
        Assert.Throws<SessionLookupException>(() => store.FindByIdPrefix(cwd.Path, a.Id + "0"));
        Assert.Throws<SessionLookupException>(() => store.FindByIdPrefix(cwd.Path, a.Id.ToUpperInvariant() == a.Id ? "zz" : a.Id.ToUpperInvariant()));
        Assert.Throws<SessionLookupException>(() => store.FindByIdPrefix(cwd.Path, "../" + a.Id));
        Assert.Throws<ArgumentNullException>(() => store.FindByIdPrefix(cwd.Path, null!));

        // Files that are not sessions are never matched.
        File.WriteAllText(Path.Combine(store.WorkspaceDirectory(cwd.Path), "notes_" + a.Id + ".txt"), "x");
        File.WriteAllText(Path.Combine(store.WorkspaceDirectory(cwd.Path), a.Id + ".jsonl"), "x");
        Assert.Equal(a.Path, store.FindByIdPrefix(cwd.Path, a.Id));
    }

    [Fact]
    public void A_relative_cwd_is_refused()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        Assert.Throws<ArgumentException>(() => store.Create("relative/dir"));
    }

    [Fact]
    public void A_root_that_is_a_file_is_a_clear_error()
    {
        using var dir = new TempDirectory();
        string file = dir.Combine("root");
        File.WriteAllText(file, "");
        var error = Assert.Throws<SessionStoreException>(() => new SessionStore(file).Create("/tmp"));
        Assert.Contains("is a file", error.Message);
    }

    [Fact]
    public void A_symlinked_workspace_folder_is_refused()
    {
        using var root = new TempDirectory();
        using var elsewhere = new TempDirectory();
        var store = new SessionStore(root.Path);
        Directory.CreateDirectory(root.Path);
        Directory.CreateSymbolicLink(store.WorkspaceDirectory("/work/x"), elsewhere.Path);
        var error = Assert.Throws<SessionStoreException>(() => store.Create("/work/x"));
        Assert.Contains("symbolic link", error.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
    }

    [Fact]
    public void Modes_are_private_under_a_permissive_umask_and_wider_modes_are_narrowed()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        string workspace = store.WorkspaceDirectory(cwd.Path);
        Directory.CreateDirectory(workspace);
        File.SetUnixFileMode(root.Path, Mode("777"));
        File.SetUnixFileMode(workspace, Mode("777"));

        uint previous = umask(0);
        try
        {
            using Session session = store.Create(cwd.Path);
            Assert.Equal(Mode("700"), File.GetUnixFileMode(root.Path));
            Assert.Equal(Mode("700"), File.GetUnixFileMode(workspace));
            Assert.Equal(Mode("600"), File.GetUnixFileMode(session.Path));

            File.SetUnixFileMode(session.Path, Mode("666"));
            using ResumedSession resumed = store.Resume(cwd.Path, session.Id);
            Assert.Equal(Mode("600"), File.GetUnixFileMode(session.Path));
        }
        finally
        {
            umask(previous);
        }
    }

    [Fact]
    public void The_default_root_needs_home()
    {
        string? home = Environment.GetEnvironmentVariable("HOME");
        try
        {
            Environment.SetEnvironmentVariable("HOME", "/home/someone");
            Assert.Equal("/home/someone/.rho/sessions", SessionStore.DefaultRoot());
            Environment.SetEnvironmentVariable("HOME", null);
            var error = Assert.Throws<SessionStoreException>(SessionStore.OpenDefault);
            Assert.Contains("HOME is not set", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HOME", home);
        }
    }

    [Fact]
    public void List_shows_last_updated_first_with_counts_and_user_messages()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        string workspace = store.WorkspaceDirectory(cwd.Path);
        Directory.CreateDirectory(workspace);
        File.WriteAllText(
            Path.Combine(workspace, "100_11111111-1111-4111-8111-111111111111.jsonl"),
            Conversation.HeaderLine("11111111-1111-4111-8111-111111111111", "100", cwd.Path)
            + Conversation.EntryLine(Message.SystemText("sys"), "150")
            + Conversation.EntryLine(Message.UserText("  first   question\nsecond line "), "150")
            + Conversation.EntryLine(Message.AssistantText("ok"), "300")
            + Conversation.EntryLine(Message.UserText("later"), "300"));
        File.WriteAllText(
            Path.Combine(workspace, "200_22222222-2222-4222-8222-222222222222.jsonl"),
            Conversation.HeaderLine("22222222-2222-4222-8222-222222222222", "200", cwd.Path) + Conversation.EntryLine(Message.AssistantText("no user"), "210"));
        File.WriteAllText(Path.Combine(workspace, "300_ignored.txt"), "x");

        var sessions = store.List(cwd.Path);

        // Created later, updated earlier: the update decides.
        Assert.Equal(["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"], sessions.Select(s => s.Id));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(100), sessions[0].Created);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(300), sessions[0].Updated);
        Assert.Equal(4, sessions[0].MessageCount);
        Assert.Equal("first   question\nsecond line", sessions[0].FirstUserMessage);
        Assert.Equal("later", sessions[0].LastUserMessage);
        Assert.Null(sessions[0].Title);
        Assert.Equal(cwd.Path, sessions[0].Cwd);
        Assert.Equal(new FileInfo(sessions[0].Path).Length, sessions[0].Size);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(200), sessions[1].Created);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(210), sessions[1].Updated);
        Assert.Null(sessions[1].FirstUserMessage);
        Assert.Equal(1, sessions[1].MessageCount);
        Assert.Empty(store.List("/nowhere/at/all"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\n\n  \n")]
    public void List_does_not_count_a_torn_last_line(string after)
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        string workspace = store.WorkspaceDirectory(cwd.Path);
        Directory.CreateDirectory(workspace);
        string name = "100_11111111-1111-4111-8111-111111111111.jsonl";
        WriteSession(workspace, name, Message.UserText("one"), Message.UserText("two"));
        File.AppendAllText(Path.Combine(workspace, name), Conversation.EntryLine(Message.UserText("three"))[..30] + after);

        Assert.Equal(2, Assert.Single(store.List(cwd.Path)).MessageCount);
    }

    [Fact]
    public void A_lookup_creates_no_folder()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Combine("sessions"));
        Assert.Throws<SessionLookupException>(() => store.FindByIdPrefix("/some/project", "abc"));
        Assert.False(Directory.Exists(root.Combine("sessions")));
    }

    [Fact]
    public async Task The_shared_vectors_read_through_the_store_give_the_reference_messages()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        const string cwd = "/home/u/proj";
        Directory.CreateDirectory(store.WorkspaceDirectory(cwd));
        foreach (string name in new[] { "realistic-1k", "nasty-500", "edge/torn-tail", "edge/incomplete-turn-middle", "edge/crlf-blank-no-final-newline" })
        {

            string id = Guid.NewGuid().ToString();
            File.Copy(Vectors.PathOf(name + ".jsonl"), Path.Combine(store.WorkspaceDirectory(cwd), "1_" + id + ".jsonl"));
            string[] expected = File.ReadAllLines(Vectors.PathOf(name + ".expected"));

            SessionReadResult read = await store.ReadAsync(cwd, id);
            Assert.Equal(expected, read.Messages.Select(m => Wire.Serialize(m)));

            if (read.Summary is { DroppedTurn: not null, UnansweredToolCallIds.Count: 0 })
            {
                // Continuing would hide the entries after the unanswered turn: refused, file untouched.
                string path = store.FindByIdPrefix(cwd, id);
                byte[] before = File.ReadAllBytes(path);
                await Assert.ThrowsAsync<SessionRepairRefusedException>(() => store.ResumeAsync(cwd, id));
                Assert.Equal(before, File.ReadAllBytes(path));
                continue;
            }

            using ResumedSession resumed = await store.ResumeAsync(cwd, id);
            Assert.Equal(expected, resumed.Messages.Take(expected.Length).Select(m => Wire.Serialize(m)));
            Assert.All(resumed.Messages.Skip(expected.Length), m => Assert.Equal(SessionRepair.InterruptedResultText, Assert.IsType<Message.ToolResult>(m).Result.Content));
        }
    }

    private static void WriteSession(string directory, string name, params Message[] messages) =>
        File.WriteAllText(Path.Combine(directory, name), Conversation.HeaderLine() + string.Concat(messages.Select(m => Conversation.EntryLine(m))));

    private static UnixFileMode Mode(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    [LibraryImport("libc")]
    private static partial uint umask(uint mask);
}

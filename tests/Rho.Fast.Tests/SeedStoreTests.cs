using System.IO;
using System.Linq;
using Rho.Fast.Serialization;
using System.Runtime.Versioning;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>The reference store's own tests, with the same behaviour and error texts.</summary>
[UnsupportedOSPlatform("windows")] // Unix permission modes are part of what is tested.
public sealed class SeedStoreTests
{
    [Fact]
    public void Persists_and_loads_messages()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        using (Session session = store.Create(cwd.Path))
        {
            session.Append(Message.UserText("hello"));
            session.Append(Message.AssistantText("hi"));
            using ResumedSession resumed = store.Resume(cwd.Path, session.Id);
            Assert.Equal(2, resumed.Messages.Count);
            Assert.IsType<Message.User>(resumed.Messages[0]);
            Assert.IsType<Message.Assistant>(resumed.Messages[1]);
        }
    }

    [Fact]
    public void Opens_session_by_uuid_prefix()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        using Session session = store.Create(cwd.Path);
        session.Append(Message.UserText("prefix match"));

        using ResumedSession opened = store.Resume(cwd.Path, session.Id[..8]);
        Assert.Equal(session.Id, opened.Session.Id);
        Assert.Single(opened.Messages);
    }

    [Fact]
    public void Errors_when_uuid_prefix_is_ambiguous()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        WriteMinimalSessionFile(store, cwd.Path, "aaaaaaaa-1111-4111-8111-111111111111");
        WriteMinimalSessionFile(store, cwd.Path, "aaaaaaaa-2222-4222-8222-222222222222");

        var error = Assert.Throws<SessionLookupException>(() => store.Resume(cwd.Path, "aaaaaaaa"));
        Assert.Contains("multiple sessions match", error.Message);
        Assert.Equal("multiple sessions match 'aaaaaaaa'; use a longer UUID prefix", error.Message);
        Assert.Equal(2, error.Matches.Count);
    }

    [Fact]
    public void Errors_when_uuid_prefix_is_missing()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);

        var error = Assert.Throws<SessionLookupException>(() => store.Resume(cwd.Path, "missing"));
        Assert.Equal("no session found matching 'missing'", error.Message);
    }

    [Fact]
    public void Stores_sessions_under_session_root_workspace_key()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        using Session session = store.Create(cwd.Path);

        Assert.Equal(Path.Combine(root.Path, WorkspaceKey.For(cwd.Path)), Path.GetDirectoryName(session.Path));
    }

    [Fact]
    public void Workspace_key_avoids_separator_collisions()
    {
        const string slashPath = "/tmp/rho-workspace/a/b";
        const string dashPath = "/tmp/rho-workspace/a-b";
        Assert.Equal(WorkspaceKey.Encode(slashPath), WorkspaceKey.Encode(dashPath));
        Assert.NotEqual(WorkspaceKey.For(slashPath), WorkspaceKey.For(dashPath));
    }

    [Fact]
    public async System.Threading.Tasks.Task Drops_incomplete_tool_call_tail_on_load()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        using Session session = store.Create(cwd.Path);
        session.Append(Message.UserText("run a tool"));
        session.Append(Conversation.ToolCalls("call-1"));

        // Reading leaves the open turn out, as the reference does.
        SessionReadResult read = await store.ReadAsync(cwd.Path, session.Id);
        Assert.IsType<Message.User>(Assert.Single(read.Messages));

        // Resuming keeps it, answered as interrupted, instead of cutting a complete entry.
        using ResumedSession resumed = store.Resume(cwd.Path, session.Id);
        Assert.Equal(
            [Message.UserText("run a tool"), Conversation.ToolCalls("call-1"), Message.ToolResultFor("call-1", false, SessionRepair.InterruptedResultText)],
            resumed.Messages);
    }

    [Fact]
    public void Ignores_truncated_final_json_line_on_load()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        using Session session = store.Create(cwd.Path);
        session.Append(Message.UserText("complete"));
        File.AppendAllText(session.Path, "{\"type\":\"message\"");

        using ResumedSession resumed = store.Resume(cwd.Path, session.Id);
        Assert.Single(resumed.Messages);
        Assert.IsType<Message.User>(resumed.Messages[0]);
    }

    [Fact]
    public void Keeps_complete_tool_call_turn_on_load()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        using Session session = store.Create(cwd.Path);
        session.Append(Conversation.ToolCalls("call-1"));
        session.Append(Message.ToolResultFor("call-1", true, "hi"));

        using ResumedSession resumed = store.Resume(cwd.Path, session.Id);
        Assert.Equal(2, resumed.Messages.Count);
        Assert.IsType<Message.Assistant>(resumed.Messages[0]);
        Assert.IsType<Message.ToolResult>(resumed.Messages[1]);
    }

    [Fact]
    public void Creates_session_paths_with_private_permissions()
    {
        using var root = new TempDirectory();
        using var cwd = new TempDirectory();
        var store = new SessionStore(root.Path);
        using Session session = store.Create(cwd.Path);

        Assert.Equal(DurableFile.PrivateDirectory, File.GetUnixFileMode(root.Path));
        Assert.Equal(DurableFile.PrivateDirectory, File.GetUnixFileMode(Path.GetDirectoryName(session.Path)!));
        Assert.Equal(DurableFile.PrivateFile, File.GetUnixFileMode(session.Path));
    }

    private static void WriteMinimalSessionFile(SessionStore store, string cwd, string id)
    {
        string directory = store.WorkspaceDirectory(cwd);
        Directory.CreateDirectory(directory);
        string header = Wire.Serialize(new SessionEntry.Header(Session.FormatVersion, id, "0", cwd));
        File.WriteAllText(Path.Combine(directory, "test_" + id + ".jsonl"), header + "\n");
    }
}

using System;
using System.IO;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>The store finds sessions in both of rho's layouts, and by id prefix across workspaces as rho does.</summary>
public sealed class StoreLayoutTests
{
    private const string Here = "/home/u/here";
    private const string There = "/home/u/there";

    [Fact]
    public void A_session_folder_is_found_listed_and_named_by_its_folder()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string path = WriteFolderSession(store, Here, "1700000000_7d2b9c1e-0000-4000-8000-000000000001");

        Assert.Equal(path, store.FindByIdPrefix(Here, "7d2b"));
        Assert.Equal("7d2b9c1e-0000-4000-8000-000000000001", SessionStore.IdOf(path));
        SessionInfo info = Assert.Single(store.List(Here));
        Assert.Equal(path, info.Path);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), info.Created);
        Assert.Equal(1, info.MessageCount);
    }

    [Fact]
    public void The_current_workspace_is_searched_first_then_every_workspace()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        string elsewhere = WriteFolderSession(store, There, "1700000000_abcd0000-0000-4000-8000-000000000002");
        string here;
        using (Session session = store.Create(Here))
        {
            here = session.Path;
        }

        // Only the other workspace has it: found there.
        Assert.Equal(elsewhere, store.FindByIdPrefix(Here, "abcd"));

        // Both match the empty prefix, but the current workspace's one wins.
        Assert.Equal(here, store.FindByIdPrefix(Here, ""));
    }

    [Fact]
    public void Matches_in_several_other_workspaces_are_ambiguous()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        WriteFolderSession(store, There, "1700000000_aaaa0000-0000-4000-8000-000000000003");
        WriteFolderSession(store, "/home/u/third", "1700000001_aaaa0000-0000-4000-8000-000000000004");

        var error = Assert.Throws<SessionLookupException>(() => store.FindByIdPrefix(Here, "aaaa"));
        Assert.Equal(2, error.Matches.Count);
        Assert.False(Directory.Exists(store.WorkspaceDirectory(Here)));
    }

    private static string WriteFolderSession(SessionStore store, string cwd, string unit)
    {
        string folder = Path.Combine(store.WorkspaceDirectory(cwd), unit);
        Directory.CreateDirectory(Path.Combine(folder, "web"));
        string path = Path.Combine(folder, "session.jsonl");
        string created = unit[..unit.IndexOf('_')];
        File.WriteAllText(path, Conversation.HeaderLine(unit[(unit.IndexOf('_') + 1)..], created, cwd) + Conversation.EntryLine(Message.UserText("hello"), created));
        return path;
    }
}

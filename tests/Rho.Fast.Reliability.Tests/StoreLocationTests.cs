using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// A store pointed at the wrong kind of place: a root that is a file or lies under one, a
/// workspace folder that is a symbolic link, folders with other modes, a read-only file system.
/// Each is refused with a clear exception, and what was acknowledged before stays readable.
/// </summary>
public sealed class StoreLocationTests(ITestOutputHelper output)
{
    [Fact]
    public void A_root_that_is_a_file_is_refused_with_a_SessionStoreException_and_left_as_it_was()
    {
        using var scratch = new ScratchDirectory();
        string root = scratch.Combine("root");
        File.WriteAllText(root, "not a folder");
        var store = new SessionStore(root);

        SessionStoreException create = Assert.Throws<SessionStoreException>(() => store.Create(scratch.Path));
        Assert.Equal("The session root '" + root + "' is a file, not a folder", create.Message);
        Assert.Throws<SessionStoreException>(() => store.Resume(scratch.Path, ""));
        Assert.Empty(store.List(scratch.Path));
        Assert.Equal("not a folder", File.ReadAllText(root));
    }

    [Fact]
    public void A_root_under_a_file_is_an_IOException_naming_the_root()
    {
        using var scratch = new ScratchDirectory();
        string file = scratch.Combine("file");
        File.WriteAllText(file, "x");
        var store = new SessionStore(Path.Combine(file, "sessions"));
        IOException error = Assert.ThrowsAny<IOException>(() => store.Create(scratch.Path));
        Assert.Contains(store.Root, error.Message, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_workspace_folder_that_is_a_symbolic_link_is_refused_and_nothing_is_written_where_it_points(bool targetExists)
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        string elsewhere = scratch.Combine("elsewhere");
        if (targetExists)
        {
            Directory.CreateDirectory(elsewhere);
        }

        Directory.CreateDirectory(store.Root);
        File.CreateSymbolicLink(store.WorkspaceDirectory(cwd), elsewhere);

        SessionStoreException create = Assert.Throws<SessionStoreException>(() => store.Create(cwd));
        Assert.Equal("The workspace folder '" + store.WorkspaceDirectory(cwd) + "' is a symbolic link; Rho.Fast refuses to follow it. Replace it with a real folder.", create.Message);
        Assert.Throws<SessionStoreException>(() => store.Resume(cwd, ""));
        Assert.Throws<SessionStoreException>(() => store.FindByIdPrefix(cwd, ""));
        Assert.Equal(targetExists, Directory.Exists(elsewhere));
        if (targetExists)
        {
            Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
        }
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)]
    public void Wider_modes_are_made_owner_only_again_the_file_on_resume_and_the_folders_on_create(UnixFileMode folderMode)
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        string id;
        using (Session session = store.Create(cwd))
        {
            id = session.Id;
            session.Append(Message.UserText("before"));
        }

        string path = store.FindByIdPrefix(cwd, id);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(store.WorkspaceDirectory(cwd), folderMode);
        File.SetUnixFileMode(store.Root, folderMode);
        using (ResumedSession resumed = store.Resume(cwd, id))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            resumed.Session.Append(Message.UserText("after"));
        }

        store.Create(cwd).Dispose();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.Root));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.WorkspaceDirectory(cwd)));
        using ResumedSession again = store.Resume(cwd, id);
        Assert.Equal([Message.UserText("before"), Message.UserText("after")], again.Messages);
    }

    [Fact]
    public async Task A_read_only_file_system_refuses_writes_with_a_clear_IOException_and_the_sessions_stay_readable()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        string id;
        string path;
        using (Session session = store.Create(cwd))
        {
            id = session.Id;
            path = session.Path;
            session.Append(Message.UserText("acknowledged"));
        }

        using Mount? readOnly = Mount.ReadOnlyBind(store.Root);
        if (readOnly is null)
        {
            // No permission to mount. A read-only mode is no read-only disk: root ignores it, and
            // the store, as documented, makes its folders owner-only (0700) again on every create.
            output.WriteLine("mount not permitted; checked the documented reset of a read-only folder mode instead");
            File.SetUnixFileMode(store.WorkspaceDirectory(cwd), UnixFileMode.UserRead | UnixFileMode.UserExecute);
            store.Create(cwd).Dispose();
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.WorkspaceDirectory(cwd)));
            Assert.Equal([Message.UserText("acknowledged")], (await SessionReader.ReadMessagesAsync(path)).Messages);
            return;
        }

        IOException create = Assert.ThrowsAny<IOException>(() => store.Create(cwd));
        Assert.Contains("Read-only file system", create.Message, StringComparison.Ordinal);
        IOException resume = Assert.ThrowsAny<IOException>(() => store.Resume(cwd, id));
        Assert.Contains("Read-only file system", resume.Message, StringComparison.Ordinal);

        // What was acknowledged is all there and readable, by path and through the store.
        Assert.Equal([Message.UserText("acknowledged")], (await SessionReader.ReadMessagesAsync(path)).Messages);
        Assert.Single(store.List(cwd));
        Assert.Equal([Message.UserText("acknowledged")], (await store.ReadAsync(cwd, id)).Messages);
    }
}

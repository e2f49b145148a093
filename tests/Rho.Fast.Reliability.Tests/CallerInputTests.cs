using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// Bad arguments from callers: null and empty values, ids with path separators or <c>..</c>,
/// prefixes matching nothing or everything, relative working directories, <c>HOME</c> unset.
/// Each is refused with an exception that says what is wrong, and nothing on disk changes.
/// </summary>
public sealed class CallerInputTests
{
    [Fact]
    public void A_null_or_empty_root_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => new SessionStore(null!));
        Assert.Throws<ArgumentException>(() => new SessionStore(""));
    }

    [Fact]
    public void A_relative_root_is_made_absolute_against_the_current_directory()
    {
        var store = new SessionStore("relative/sessions");
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "relative", "sessions"), store.Root);
    }

    [Fact]
    public void A_null_empty_or_relative_working_directory_is_refused_everywhere_before_touching_the_disk()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        foreach (string? cwd in new[] { null, "", "relative", "./here", "../up", "~/home" })
        {
            var calls = new List<Action>
            {
                () => store.Create(cwd!).Dispose(),
                () => store.Resume(cwd!, "a").Dispose(),
                () => store.FindByIdPrefix(cwd!, "a"),
                () => store.List(cwd!),
                () => store.WorkspaceDirectory(cwd!),
            };
            foreach (Action call in calls)
            {
                ArgumentException error = Assert.ThrowsAny<ArgumentException>(call);
                Assert.Equal("cwd", error.ParamName);
                if (cwd is { Length: > 0 })
                {
                    Assert.Contains("absolute", error.Message, StringComparison.Ordinal);
                    Assert.Contains(cwd, error.Message, StringComparison.Ordinal);
                }
            }
        }

        Assert.False(Directory.Exists(store.Root));
    }

    [Fact]
    public async Task A_null_id_prefix_is_an_argument_error()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        Assert.Throws<ArgumentNullException>(() => store.Resume(scratch.Path, null!));
        Assert.Throws<ArgumentNullException>(() => store.FindByIdPrefix(scratch.Path, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.ReadAsync(scratch.Path, null!));
    }

    [Fact]
    public void The_empty_prefix_matches_every_session_so_it_opens_the_only_one_and_refuses_several()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");

        SessionLookupException none = Assert.Throws<SessionLookupException>(() => store.Resume(cwd, ""));
        Assert.Equal("no session found matching ''", none.Message);

        string first;
        using (Session session = store.Create(cwd))
        {
            first = session.Id;
        }

        using (ResumedSession only = store.Resume(cwd, ""))
        {
            Assert.Equal(first, only.Session.Id);
        }

        store.Create(cwd).Dispose();
        SessionLookupException several = Assert.Throws<SessionLookupException>(() => store.Resume(cwd, ""));
        Assert.Equal("multiple sessions match ''; use a longer UUID prefix", several.Message);
        Assert.Equal(2, several.Matches.Count);
    }

    [Theory]
    [InlineData("../")]
    [InlineData("..")]
    [InlineData("/")]
    [InlineData("/etc/passwd")]
    [InlineData("a/b")]
    [InlineData("..\\..\\x")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("\0")]
    [InlineData(".jsonl")]
    [InlineData("zzzzzzzz-no-such-session")]
    public void A_prefix_with_path_separators_dots_or_wildcards_matches_no_session_and_reaches_no_file_outside(string prefix)
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");

        // A session-named file next to the workspace folder and one above the root: a path in the
        // prefix must not reach either.
        string id;
        using (Session session = store.Create(cwd))
        {
            id = session.Id;
            session.Append(Message.UserText("inside"));
        }

        File.WriteAllText(Path.Combine(store.Root, "1_" + prefix.Replace('/', '_').Replace('\0', '_') + ".jsonl"), "outside\n");
        File.WriteAllText(scratch.Combine("1_passwd.jsonl"), "outside\n");
        string[] before = Snapshot(scratch.Path);

        SessionLookupException error = Assert.Throws<SessionLookupException>(() => store.Resume(cwd, prefix));
        Assert.Equal("no session found matching '" + prefix + "'", error.Message);
        Assert.Empty(error.Matches);
        Assert.Throws<SessionLookupException>(() => store.FindByIdPrefix(cwd, prefix));
        Assert.Equal(before, Snapshot(scratch.Path));

        // The session itself is still found by its real id.
        using ResumedSession resumed = store.Resume(cwd, id);
        Assert.Equal([Message.UserText("inside")], resumed.Messages);
    }

    [Fact]
    public void The_whole_file_name_or_path_as_a_prefix_matches_nothing_because_prefixes_are_of_ids()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        string cwd = scratch.Combine("work");
        string path;
        using (Session session = store.Create(cwd))
        {
            path = session.Path;
        }

        Assert.Throws<SessionLookupException>(() => store.Resume(cwd, Path.GetFileName(path)));
        Assert.Throws<SessionLookupException>(() => store.Resume(cwd, path));
        Assert.Equal(path, store.FindByIdPrefix(cwd, SessionStore.IdOf(path)![..1]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void An_unset_or_empty_HOME_makes_the_default_root_an_error_that_says_so(string? home)
    {
        // In a child process: changing HOME here would race with every other test.
        using WorkerProcess worker = WorkerProcess.Start(new Dictionary<string, string?> { ["HOME"] = home }, "home");
        string? line = worker.ReadLine(TimeSpan.FromSeconds(60));
        worker.WaitForExit(TimeSpan.FromSeconds(60));
        Assert.Equal("error Rho.Fast.SessionStoreException|HOME is not set; set it, or give the store a root folder explicitly", line);
    }

    [Fact]
    public void A_set_HOME_gives_the_default_root_under_it()
    {
        using var scratch = new ScratchDirectory();
        using WorkerProcess worker = WorkerProcess.Start(new Dictionary<string, string?> { ["HOME"] = scratch.Path }, "home");
        string? line = worker.ReadLine(TimeSpan.FromSeconds(60));
        worker.WaitForExit(TimeSpan.FromSeconds(60));
        Assert.Equal("root " + Path.Combine(scratch.Path, ".rho", "sessions"), line);
    }

    [Fact]
    public void Null_messages_are_refused_without_writing_anything()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        using Session session = store.Create(scratch.Combine("work"));
        long length = new FileInfo(session.Path).Length;
        Assert.Throws<ArgumentNullException>(() => session.Append(null!));
        Assert.Throws<ArgumentNullException>(() => session.AppendRange(null!));
        Assert.Equal(length, new FileInfo(session.Path).Length);
    }

    [Fact]
    public void Appending_to_a_disposed_session_is_an_ObjectDisposedException()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        Session session = store.Create(scratch.Combine("work"));
        session.Dispose();
        session.Dispose();
        Assert.Throws<ObjectDisposedException>(() => session.Append(Message.UserText("late")));
        Assert.Throws<ObjectDisposedException>(() => session.AppendRange([Message.UserText("late")]));
    }

    [Fact]
    public void A_working_directory_too_long_for_a_folder_name_is_a_clear_IOException_as_in_rho()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));

        // The workspace key keeps every character of the path: past about 230, the folder name is too long.
        string cwd = "/" + new string('a', 300);
        IOException error = Assert.ThrowsAny<IOException>(() => store.Create(cwd));
        Assert.Contains("too long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Working_directories_with_control_characters_and_dots_get_their_own_folders_and_keep_their_exact_text()
    {
        using var scratch = new ScratchDirectory();
        var store = new SessionStore(scratch.Combine("root"));
        foreach (string cwd in new[] { "/a\nb", "/a\0b", "/a/../b", "/a/./b", "/ünï/😀", "/a b" })
        {
            string id;
            using (Session session = store.Create(cwd))
            {
                id = session.Id;
                Assert.Equal(store.Root, Path.GetDirectoryName(Path.GetDirectoryName(session.Path)));
            }

            using ResumedSession resumed = store.Resume(cwd, id);
            Assert.Equal(cwd, resumed.Summary.Header!.Cwd);
        }

        Assert.Equal(6, Directory.GetDirectories(store.Root).Length);
    }

    private static string[] Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(path => path + ":" + (File.Exists(path) ? new FileInfo(path).Length + ":" + File.GetLastWriteTimeUtc(path).Ticks : "dir"))
            .Order(StringComparer.Ordinal)
            .ToArray();
}

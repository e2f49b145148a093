using System;
using System.IO;
using System.Linq;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class ListCommandTests
{
    private const string Cwd = "/home/u/project";

    [Fact]
    public void Sessions_are_listed_newest_first_with_id_time_messages_size_and_title()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        string older = MakeSession(store, "first question", messages: 3, createdSecondsAgo: 7200);
        string newer = MakeSession(store, "second question, a much longer title that goes on and on", messages: 5, createdSecondsAgo: 60);

        CliResult result = CliRun.Run("list", "--root", store.Root, "--cwd", Cwd);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^ID\s+CREATED\s+MESSAGES\s+SIZE\s+TITLE$", lines[0]);
        AssertRow(lines[1], newer, 5, "second question, a much longer title that goes on and on");
        AssertRow(lines[2], older, 3, "first question");
    }

    [Fact]
    public void Titles_are_cut_to_the_terminal_width()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        MakeSession(store, new string('x', 300), messages: 1, createdSecondsAgo: 10);

        CliResult result = CliRun.Run(new ConsoleShape(Width: 80), "list", "--root", store.Root, "--cwd", Cwd);

        string row = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.True(row.Length < 80, row);
        Assert.EndsWith("x…", row);
    }

    [Fact]
    public void Without_sessions_it_says_so()
    {
        using var temp = new TempDirectory();

        CliResult result = CliRun.Run("list", "--root", temp.Path, "--cwd", Cwd);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("no sessions for " + Cwd + " in " + temp.Path + "\n", result.Out);
    }

    [Fact]
    public void The_short_id_opens_the_session_with_show()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        string path = MakeSession(store, "hello there", messages: 2, createdSecondsAgo: 5);
        string id = SessionStore.IdOf(path)!;

        CliResult shown = CliRun.Run("show", id[..8], "--root", store.Root, "--cwd", Cwd);

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("── #1 user ──\nhello there\n", shown.Out);
        Assert.Equal(CliRun.Run("show", path).Out, shown.Out);
    }

    private static void AssertRow(string row, string path, int messages, string title)
    {
        string id = SessionStore.IdOf(path)!;
        string[] cells = row.Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(cell => cell.Trim()).ToArray();
        Assert.Equal(id[..8], cells[0]);
        Assert.Equal(Formats.LocalTime(DateTimeOffset.FromUnixTimeSeconds(long.Parse(Path.GetFileName(path).Split('_')[0]))), cells[1]);
        Assert.Equal(messages.ToString(), cells[2]);
        Assert.Equal(Formats.Size(new FileInfo(path).Length), cells[3]);
        Assert.Equal(title, cells[4]);
    }

    /// <summary>A session whose file name says it was created <paramref name="createdSecondsAgo"/> ago.</summary>
    private static string MakeSession(SessionStore store, string title, int messages, int createdSecondsAgo)
    {
        string path;
        using (Session session = store.Create(Cwd))
        {
            session.Append(Message.UserText(title));
            for (int i = 1; i < messages; i++)
            {
                session.Append(Message.AssistantText("answer " + i));
            }

            path = session.Path;
        }

        string name = Path.GetFileName(path);
        long created = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - createdSecondsAgo;
        string renamed = Path.Combine(Path.GetDirectoryName(path)!, created + name[name.IndexOf('_')..]);
        File.Move(path, renamed);
        return renamed;
    }

    [Fact]
    public void Without_a_terminal_a_long_title_is_cut_to_a_fixed_cap()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        MakeSession(store, new string('y', 250), messages: 1, createdSecondsAgo: 10);

        CliResult result = CliRun.Run("list", "--root", store.Root, "--cwd", Cwd);

        string row = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.EndsWith(new string('y', 79) + "…", row);
        Assert.DoesNotContain(new string('y', 80), row);
    }
}

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Rho.Fast.Serialization;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class ListCommandTests
{
    private const string Cwd = "/home/u/project";
    private const string Other = "/home/u/other";

    [Fact]
    public void Sessions_are_listed_last_updated_first_with_id_time_messages_size_and_title()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        string older = WriteSession(store, Cwd, Id(1), updatedSecondsAgo: 7200, "first question", "answer", "again");
        string newer = WriteSession(store, Cwd, Id(2), updatedSecondsAgo: 60, "second question, a much longer title that goes on and on");

        CliResult result = CliRun.Run("list", "--root", store.Root, "--cwd", Cwd);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^ID\s+UPDATED\s+MESSAGES\s+SIZE\s+TITLE$", lines[0]);
        AssertRow(lines[1], newer, messages: 1, "second question, a much longer title that goes on and on");
        AssertRow(lines[2], older, messages: 5, "first question");
    }

    [Fact]
    public void Titles_are_cut_to_the_terminal_width()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        WriteSession(store, Cwd, Id(1), updatedSecondsAgo: 10, new string('x', 300));

        CliResult result = CliRun.Run(new ConsoleShape(Width: 80), "list", "--root", store.Root, "--cwd", Cwd);

        string row = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.True(row.Length < 80, row);
        Assert.EndsWith("x…", row);
    }

    [Fact]
    public void Without_a_terminal_a_long_title_is_cut_to_a_fixed_cap()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        WriteSession(store, Cwd, Id(1), updatedSecondsAgo: 10, new string('y', 250));

        CliResult result = CliRun.Run("list", "--root", store.Root, "--cwd", Cwd);

        string row = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.EndsWith(new string('y', 79) + "…", row);
        Assert.DoesNotContain(new string('y', 80), row);
    }

    [Fact]
    public void Without_sessions_it_says_so()
    {
        using var temp = new TempDirectory();

        Assert.Equal("no sessions for " + Cwd + " in " + temp.Path + "\n", CliRun.Run("list", "--root", temp.Path, "--cwd", Cwd).Out);
        Assert.Equal("no sessions in " + temp.Path + "\n", CliRun.Run("list", "--root", temp.Path, "--all-projects").Out);
        Assert.Equal("", CliRun.Run("list", "--root", temp.Path, "--cwd", Cwd, "--json").Out);
    }

    [Fact]
    public void The_short_id_opens_the_session_with_show()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        string path;
        using (Session session = store.Create(Cwd))
        {
            session.Append(Message.UserText("hello there"));
            path = session.Path;
        }

        string id = CliRun.Run("list", "--root", store.Root, "--cwd", Cwd).Out.Split('\n')[1][..8];

        CliResult shown = CliRun.Run("show", id, "--root", store.Root, "--cwd", Cwd);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("── #1 user ──\nhello there\n", shown.Out);
        Assert.Equal(CliRun.Run("show", path).Out, shown.Out);
    }

    [Fact]
    public void All_projects_lists_every_workspace_with_its_cwd()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        WriteSession(store, Cwd, Id(1), updatedSecondsAgo: 300, "here");
        WriteSession(store, Other, Id(2), updatedSecondsAgo: 30, "there");

        string[] mine = CliRun.Run("list", "--root", store.Root, "--cwd", Cwd).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] every = CliRun.Run("list", "--root", store.Root, "--cwd", Cwd, "--all-projects").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, mine.Length);
        Assert.Equal(3, every.Length);
        Assert.Matches(@"^ID\s+UPDATED\s+MESSAGES\s+SIZE\s+CWD\s+TITLE$", every[0]);
        Assert.Matches("^" + Id(2)[..8] + @"\s.*\s" + Other + @"\s+there$", every[1]);
        Assert.Matches("^" + Id(1)[..8] + @"\s.*\s" + Cwd + @"\s+here$", every[2]);
    }

    [Theory]
    [InlineData("DEPLOY", new[] { 1 })]       // the first user message, in any ASCII case
    [InlineData("rollback", new[] { 2 })]     // the last user message
    [InlineData("/other", new[] { 3 })]       // the working directory
    [InlineData("00000000-0000-4000-8000-000000000002", new[] { 2 })] // the id
    [InlineData("please", new[] { 3, 2, 1 })]
    [InlineData("CAFÉ", new int[0])]          // only ASCII letters are folded, as rho folds them
    [InlineData("café", new[] { 1 })]
    public void Search_matches_user_messages_cwd_and_id(string query, int[] expected)
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        WriteSession(store, Cwd, Id(1), updatedSecondsAgo: 300, "please deploy the café", "thanks");
        WriteSession(store, Cwd, Id(2), updatedSecondsAgo: 200, "please look", "now ROLLBACK it");
        WriteSession(store, Other, Id(3), updatedSecondsAgo: 100, "please help");

        CliResult result = CliRun.Run("list", "--root", store.Root, "--all-projects", "--search", query, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected.Select(Id), JsonLines(result).Select(line => line.GetProperty("id").GetString()));
    }

    [Fact]
    public void Search_without_a_match_says_so()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        WriteSession(store, Cwd, Id(1), updatedSecondsAgo: 10, "hello");

        CliResult result = CliRun.Run("list", "--root", store.Root, "--cwd", Cwd, "--search", "nope");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("no sessions matching 'nope' for " + Cwd + " in " + store.Root + "\n", result.Out);
    }

    [Fact]
    public void Limit_keeps_the_newest_after_the_search()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        for (int i = 1; i <= 5; i++)
        {
            WriteSession(store, Cwd, Id(i), updatedSecondsAgo: 1000 - (i * 100), i % 2 == 0 ? "even " + i : "odd " + i);
        }

        string[] Ids(params string[] args) =>
            JsonLines(CliRun.Run(["list", "--root", store.Root, "--cwd", Cwd, "--json", .. args])).Select(line => line.GetProperty("id").GetString()!).ToArray();

        Assert.Equal([Id(5), Id(4)], Ids("--limit", "2"));
        Assert.Equal([Id(5), Id(3)], Ids("--limit", "2", "--search", "odd"));
        Assert.Equal(5, Ids("--limit", "50").Length);
        string[] table = CliRun.Run("list", "--root", store.Root, "--cwd", Cwd, "--limit", "1").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, table.Length);
        Assert.StartsWith(Id(5)[..8], table[1]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("many")]
    public void Limit_takes_a_positive_whole_number(string value)
    {
        using var temp = new TempDirectory();

        CliResult result = CliRun.Run("list", "--root", temp.Path, "--cwd", Cwd, "--limit", value);

        Assert.Equal(ExitCodes.UserError, result.ExitCode);
        Assert.Contains("--limit takes a whole number from 1", result.Stderr);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Json_is_one_object_per_line_in_rho_s_field_order_with_serde_s_escaping()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        string text = "say \"hi\"\tthen\\go\u0001 — naïve 🚀\u2028ok";
        string path = WriteSession(store, Cwd, Id(1), updatedSecondsAgo: 10, text, "done");
        long updated = UpdatedOf(path);

        CliResult result = CliRun.Run("list", "--root", store.Root, "--cwd", Cwd, "--json");

        string expected =
            "{\"id\":\"" + Id(1) + "\",\"cwd\":\"" + Cwd + "\",\"created_at\":" + Created + ",\"updated_at\":" + updated
            + ",\"message_count\":3,\"title\":null,\"first_user_message\":\"say \\\"hi\\\"\\tthen\\\\go\\u0001 — naïve 🚀\u2028ok\",\"last_user_message\":\"done\""
            + ",\"path\":\"" + path + "\",\"file_size\":" + new FileInfo(path).Length + "}\n";
        Assert.Equal(expected, result.Out);
        Assert.Equal(text, JsonLines(result).Single().GetProperty("first_user_message").GetString());
    }

    [Fact]
    public void The_listing_comes_from_the_index_until_a_file_changes()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        string path = WriteSession(store, Cwd, Id(1), updatedSecondsAgo: 10, "original text");
        Assert.Contains("original text", CliRun.Run("list", "--root", store.Root, "--cwd", Cwd).Out);
        Assert.True(File.Exists(Path.Combine(store.Root, "rho-fast-index.sqlite3")));

        // Same size, same modification time: the index cannot tell, so the row stands (as rho's would).
        DateTime mtime = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("original text", "replaced text", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, mtime);
        Assert.Contains("original text", CliRun.Run("list", "--root", store.Root, "--cwd", Cwd).Out);

        // A real change moves the size: read again.
        File.AppendAllText(path, Wire.Serialize(new SessionEntry.MessageEntry(Created.ToString(CultureInfo.InvariantCulture), Message.UserText("more"))) + "\n");
        JsonElement after = JsonLines(CliRun.Run("list", "--root", store.Root, "--cwd", Cwd, "--json")).Single();
        Assert.Equal("replaced text", after.GetProperty("first_user_message").GetString());
        Assert.Equal("more", after.GetProperty("last_user_message").GetString());
        Assert.Equal(2, after.GetProperty("message_count").GetInt64());
    }

    private const long Created = 1_750_000_000;

    private static string Id(int n) => "00000000-0000-4000-8000-" + n.ToString("x12", CultureInfo.InvariantCulture);

    /// <summary>A session file of <paramref name="cwd"/> whose user messages alternate with answers, last written <paramref name="updatedSecondsAgo"/> ago.</summary>
    private static string WriteSession(SessionStore store, string cwd, string id, int updatedSecondsAgo, params string[] userTexts)
    {
        string directory = store.WorkspaceDirectory(cwd);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, Created + "_" + id + ".jsonl");
        string updated = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - updatedSecondsAgo).ToString(CultureInfo.InvariantCulture);
        using var file = new StreamWriter(path);
        file.Write(Wire.Serialize(new SessionEntry.Header(1, id, Created.ToString(CultureInfo.InvariantCulture), cwd)) + "\n");
        for (int i = 0; i < userTexts.Length; i++)
        {
            if (i > 0)
            {
                file.Write(Wire.Serialize(new SessionEntry.MessageEntry(updated, Message.AssistantText("answer " + i))) + "\n");
            }

            file.Write(Wire.Serialize(new SessionEntry.MessageEntry(updated, Message.UserText(userTexts[i]))) + "\n");
        }

        return path;
    }

    private static long UpdatedOf(string path) =>
        long.Parse(File.ReadLines(path).Last().Split("\"timestamp\":\"")[1].Split('"')[0], CultureInfo.InvariantCulture);

    private static void AssertRow(string row, string path, int messages, string title)
    {
        string[] cells = row.Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(cell => cell.Trim()).ToArray();
        Assert.Equal(SessionStore.IdOf(path)![..8], cells[0]);
        Assert.Equal(Formats.LocalTime(DateTimeOffset.FromUnixTimeSeconds(UpdatedOf(path))), cells[1]);
        Assert.Equal(messages.ToString(CultureInfo.InvariantCulture), cells[2]);
        Assert.Equal(Formats.Size(new FileInfo(path).Length), cells[3]);
        Assert.Equal(title, cells[4]);
    }

    private static JsonElement[] JsonLines(CliResult result) =>
        result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
}

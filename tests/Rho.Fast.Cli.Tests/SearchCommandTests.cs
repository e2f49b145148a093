using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Rho.Fast.Serialization;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class SearchCommandTests
{
    private const string Here = "/work/here";
    private const string There = "/work/there";
    private const string OlderId = "11111111-0000-4000-8000-000000000001";
    private const string NewerId = "22222222-0000-4000-8000-000000000002";
    private const string ThereId = "33333333-0000-4000-8000-000000000003";

    [Fact]
    public void Hits_are_one_line_each_newest_session_first_with_id_number_role_and_snippet()
    {
        using var temp = new TempDirectory();
        string root = Store(temp);

        CliResult result = CliRun.Run("search", "needle", "--root", root, "--cwd", Here);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "22222222  #3  tool_result  grep found the NEEDLE in src/a.rs\n" +
            "11111111  #2  user  where is the needle?\n" +
            "11111111  #3  assistant  The Needle is in the haystack.\n",
            result.Out);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void All_projects_searches_every_workspace()
    {
        using var temp = new TempDirectory();
        string root = Store(temp);

        CliResult here = CliRun.Run("search", "elsewhere", "--root", root, "--cwd", Here);
        CliResult all = CliRun.Run("search", "elsewhere", "--root", root, "--cwd", Here, "--all-projects");

        Assert.Equal(1, here.ExitCode);
        Assert.Equal("", here.Out);
        Assert.Equal("rho-fast: no message contains 'elsewhere' in the sessions of " + Here + " in " + root + "\n", here.Stderr);
        Assert.Equal(0, all.ExitCode);
        Assert.Equal("33333333  #2  user  a needle elsewhere\n", all.Out);
    }

    [Fact]
    public void Json_prints_one_object_per_hit_with_the_full_id_path_and_index_from_0()
    {
        using var temp = new TempDirectory();
        string root = Store(temp);

        CliResult result = CliRun.Run("search", "NEEDLE", "--root", root, "--json", "-a");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        JsonElement hit = first.RootElement;
        Assert.Equal(NewerId, hit.GetProperty("session").GetString());
        Assert.EndsWith("_" + NewerId + ".jsonl", hit.GetProperty("path").GetString());
        Assert.Equal(2, hit.GetProperty("index").GetInt32());
        Assert.Equal("tool_result", hit.GetProperty("role").GetString());
        Assert.Equal("grep found the ", hit.GetProperty("before").GetString());
        Assert.Equal("NEEDLE", hit.GetProperty("match").GetString());
        Assert.Equal(" in src/a.rs", hit.GetProperty("after").GetString());
        Assert.Equal([NewerId, ThereId, OlderId, OlderId], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("session").GetString()));
    }

    [Fact]
    public void Limit_stops_early_and_says_so()
    {
        using var temp = new TempDirectory();
        string root = Store(temp);

        CliResult result = CliRun.Run("search", "needle", "--root", root, "--cwd", Here, "--limit", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("rho-fast: stopped at 2 hits; give --limit N for more\n", result.Stderr);
    }

    [Fact]
    public void The_match_is_highlighted_with_colour()
    {
        using var temp = new TempDirectory();
        string root = Store(temp);

        CliResult result = CliRun.Run(new ConsoleShape(Color: true), "search", "haystack", "--root", root, "--cwd", Here);

        Assert.Contains("The Needle is in the \e[31m\e[1mhaystack\e[0m\e[0m.", result.Out);
    }

    [Fact]
    public void Text_starting_with_a_dash_goes_after_double_dash()
    {
        using var temp = new TempDirectory();
        string root = Store(temp);

        CliResult refused = CliRun.Run("search", "--root", root, "--cwd", Here, "--force");
        CliResult searched = CliRun.Run("search", "--root", root, "--cwd", Here, "--", "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("unknown option '--force'", refused.Stderr);
        Assert.Equal(0, searched.ExitCode);
        Assert.Equal("22222222  #2  assistant  git push --force\n", searched.Out);
    }

    [Fact]
    public void An_empty_store_has_no_hits()
    {
        using var temp = new TempDirectory();

        CliResult result = CliRun.Run("search", "x", "--root", temp.Combine("none"), "-a");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("rho-fast: no message contains 'x' in any workspace under " + temp.Combine("none") + "\n", result.Stderr);
    }

    /// <summary>Two sessions in /work/here and one in /work/there.</summary>
    private static string Store(TempDirectory temp)
    {
        var store = new SessionStore(temp.Combine("sessions"));
        Session(store, Here, OlderId, 1_700_000_000, Message.SystemText("be brief"), Message.UserText("where is the needle?"), Message.AssistantText("The Needle is in the haystack."));
        Session(store, Here, NewerId, 1_700_000_200, Message.UserText("push it"), new Message.Assistant([new ContentBlock.Text("git push --force")]),
            Message.ToolResultFor("c", true, "grep found the NEEDLE in src/a.rs"));
        Session(store, There, ThereId, 1_700_000_100, Message.SystemText("x"), Message.UserText("a needle elsewhere"));
        return store.Root;
    }

    private static void Session(SessionStore store, string cwd, string id, long created, params Message[] messages)
    {
        string folder = store.WorkspaceDirectory(cwd);
        Directory.CreateDirectory(folder);
        using var file = new StreamWriter(Path.Combine(folder, created + "_" + id + ".jsonl"));
        file.Write(Wire.Serialize(new SessionEntry.Header(1, id, created.ToString(), cwd)) + "\n");
        foreach (Message message in messages)
        {
            file.Write(Wire.Serialize(new SessionEntry.MessageEntry(created.ToString(), message)) + "\n");
        }
    }
}

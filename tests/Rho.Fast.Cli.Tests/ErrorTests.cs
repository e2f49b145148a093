using System.Collections.Generic;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

/// <summary>A user's mistake is one line on stderr and a non-zero exit, never a stack trace.</summary>
public sealed class ErrorTests
{
    [Theory]
    [InlineData("fmt")]
    [InlineData("show")]
    [InlineData("show", "--json")]
    [InlineData("follow")]
    [InlineData("repair")]
    [InlineData("repair", "--salvage")]
    public void A_missing_file(params string[] command)
    {
        using var temp = new TempDirectory();
        string missing = temp.Combine("missing.jsonl");

        CliResult result = CliRun.Run([.. command, missing]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rho-fast: no such file: " + missing + "\n", result.Stderr);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void An_unknown_id_prefix_names_the_folder_searched()
    {
        using var temp = new TempDirectory();
        using (new SessionStore(temp.Path).Create("/w"))
        {
        }

        CliResult result = CliRun.Run("show", "zzzz", "--root", temp.Path, "--cwd", "/w");

        Assert.Equal(2, result.ExitCode);
        string folder = new SessionStore(temp.Path).WorkspaceDirectory("/w");
        Assert.Equal("rho-fast: no session found matching 'zzzz' in " + folder + " (the sessions of /w), then in every workspace under " + temp.Path + "\n", result.Stderr);
    }

    [Fact]
    public void A_prefix_in_a_workspace_without_sessions_creates_no_folder()
    {
        using var temp = new TempDirectory();

        CliResult result = CliRun.Run("show", "abc", "--root", temp.Combine("sessions"), "--cwd", "/w");

        string folder = new SessionStore(temp.Combine("sessions")).WorkspaceDirectory("/w");
        Assert.Equal("rho-fast: no session found matching 'abc' in " + folder + " (the sessions of /w), then in every workspace under " + temp.Combine("sessions") + "\n", result.Stderr);
        Assert.False(System.IO.Directory.Exists(temp.Combine("sessions")));
    }

    [Fact]
    public void An_ambiguous_prefix_lists_the_candidates()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Path);
        string first;
        string second;
        using (Session a = store.Create("/w"))
        using (Session b = store.Create("/w"))
        {
            first = System.IO.Path.GetFileName(a.Path);
            second = System.IO.Path.GetFileName(b.Path);
        }

        string[] names = [first, second];
        System.Array.Sort(names, System.StringComparer.Ordinal);

        CliResult result = CliRun.Run("show", "", "--root", temp.Path, "--cwd", "/w");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "rho-fast: 2 sessions match '' in " + store.WorkspaceDirectory("/w") + " (the sessions of /w): " + names[0] + ", " + names[1] + "; use a longer id prefix\n",
            result.Stderr);
    }

    [Fact]
    public void HOME_unset_for_a_command_that_needs_the_default_store()
    {
        var noHome = new Dictionary<string, string?> { ["HOME"] = null, ["DOTNET_CLI_HOME"] = "/tmp" };

        CliResult list = CliRun.Process(noHome, "list", "--cwd", "/w");
        CliResult show = CliRun.Process(noHome, "show", "abc");

        foreach (CliResult result in new[] { list, show })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Equal("rho-fast: HOME is not set; set it, or give the store a root folder explicitly\n", result.Stderr);
            Assert.Empty(result.Stdout);
        }
    }

    [Fact]
    public void An_unknown_command_or_option_is_one_line()
    {
        CliResult command = CliRun.Run("frobnicate");
        CliResult option = CliRun.Run("list", "--bogus");

        Assert.Equal(2, command.ExitCode);
        Assert.Equal(2, option.ExitCode);
        Assert.Single(command.Stderr.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("(see 'rho-fast list --help')", option.Stderr);
    }

    [Theory]
    [InlineData("--messages", "gen", "x.jsonl", "--messages", "abc")]
    [InlineData("--messages", "gen", "x.jsonl", "-n", "99999999999")]
    [InlineData("--seed", "gen", "x.jsonl", "-n", "3", "--seed", "-1")]
    [InlineData("--iterations", "bench", "--iterations", "abc")]
    [InlineData("--messages", "bench", "-n", "abc")]
    [InlineData("--messages", "bench", "-n", "0")]
    [InlineData("--max-line-length", "check", "x.jsonl", "--max-line-length", "lots")]
    public void A_bad_option_value_is_one_line_and_exit_2(string option, params string[] args)
    {
        using var temp = new TempDirectory();
        string[] inTemp = System.Array.ConvertAll(args, arg => arg == "x.jsonl" ? temp.Combine(arg) : arg);

        CliResult result = CliRun.Run(inTemp);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rho-fast: " + option + " takes a whole number from ", result.Stderr);
        Assert.Single(result.Stderr.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", result.Out);
        Assert.False(System.IO.File.Exists(temp.Combine("x.jsonl")));
    }

    [Theory]
    [InlineData(2, "show")]
    [InlineData(2, "fmt")]
    [InlineData(2, "repair")]
    [InlineData(2, "repair", "--salvage")]
    [InlineData(2, "bench")]
    [InlineData(3, "check")]
    public void A_directory_is_reported_as_a_directory(int exitCode, params string[] command)
    {
        using var temp = new TempDirectory();

        CliResult result = CliRun.Run([.. command, temp.Path]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("rho-fast: " + temp.Path + " is a directory, not a file\n", result.Stderr);
        Assert.Equal("", result.Out);
    }

    [Theory]
    [InlineData("check", "--bogus", "f.jsonl")]
    [InlineData("check", "f.jsonl", "--bogus")]
    [InlineData("show", "--bogus")]
    [InlineData("fmt", "--bogus")]
    [InlineData("repair", "--bogus")]
    [InlineData("bench", "--bogus")]
    [InlineData("gen", "--bogus", "-n", "1")]
    public void An_unknown_option_where_a_file_goes_is_an_unknown_option(params string[] args)
    {
        CliResult result = CliRun.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("rho-fast: unknown option '--bogus' (see 'rho-fast " + args[0] + " --help')", result.Stderr);
        Assert.False(System.IO.File.Exists("--bogus"));
    }
}

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
    public void An_unknown_id_prefix()
    {
        using var temp = new TempDirectory();
        using (new SessionStore(temp.Path).Create("/w"))
        {
        }

        CliResult result = CliRun.Run("show", "zzzz", "--root", temp.Path, "--cwd", "/w");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rho-fast: no session found matching 'zzzz'\n", result.Stderr);
    }

    [Fact]
    public void A_prefix_in_a_workspace_without_sessions_creates_no_folder()
    {
        using var temp = new TempDirectory();

        CliResult result = CliRun.Run("show", "abc", "--root", temp.Combine("sessions"), "--cwd", "/w");

        Assert.Equal("rho-fast: no session found matching 'abc'\n", result.Stderr);
        Assert.False(System.IO.Directory.Exists(temp.Combine("sessions")));
    }

    [Fact]
    public void An_ambiguous_prefix()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Path);
        using (store.Create("/w"))
        using (store.Create("/w"))
        {
        }

        CliResult result = CliRun.Run("show", "", "--root", temp.Path, "--cwd", "/w");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rho-fast: multiple sessions match ''; use a longer UUID prefix\n", result.Stderr);
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
}

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("list", "List the sessions")]
    [InlineData("show", "NO_COLOR")]
    [InlineData("follow", "Ctrl-C")]
    [InlineData("export", "self-contained")]
    [InlineData("search", "ignoring case")]
    [InlineData("check", "0  clean")]
    [InlineData("repair", "--salvage")]
    [InlineData("fmt", "as serde_json would")]
    [InlineData("gen", "--seed")]
    [InlineData("bench", "--json")]
    [InlineData("demo", "temporary store")]
    public void Every_command_explains_itself(string command, string excerpt)
    {
        CliResult result = CliRun.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        // In-process the root command is named after the test host; the binary calls itself rho-fast.
        Assert.Matches("Usage:\n  \\S+ " + command + " ", result.Out);
        Assert.Contains(excerpt, result.Out);
    }

    [Fact]
    public void The_root_help_lists_every_command()
    {
        string output = CliRun.Run("--help").Out;

        foreach (string command in new[] { "list", "show", "follow", "export", "search", "check", "repair", "fmt", "gen", "bench", "demo" })
        {
            Assert.Contains("\n  " + command + " ", output);
        }
    }

    [Theory]
    [InlineData("list")]
    [InlineData("show")]
    [InlineData("follow")]
    [InlineData("export")]
    [InlineData("search")]
    [InlineData("check")]
    [InlineData("repair")]
    [InlineData("fmt")]
    [InlineData("gen")]
    [InlineData("bench")]
    [InlineData("demo")]
    public void The_root_lists_each_command_as_its_own_usage_line_shows_it(string command)
    {
        string usage = Usage(CliRun.Run(command, "--help").Out);
        string root = CliRun.Run("--help").Out;

        Assert.Matches("\n  " + Regex.Escape(usage) + "  +\\S", root);
    }

    [Theory]
    [InlineData("gen")]
    [InlineData("bench")]
    [InlineData("check")]
    public void Each_default_is_printed_once(string command)
    {
        string help = CliRun.Run(command, "--help").Out;

        Assert.Contains("[default: ", help);
        foreach (string line in help.Split('\n').Where(line => line.Contains("[default: ", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("(default:", line);
        }
    }

    [Theory]
    [InlineData("list")]
    [InlineData("show")]
    [InlineData("follow")]
    [InlineData("export")]
    [InlineData("search")]
    [InlineData("check")]
    [InlineData("repair")]
    [InlineData("fmt")]
    [InlineData("gen")]
    [InlineData("bench")]
    [InlineData("demo")]
    public void The_readme_table_lists_every_command_with_its_options(string command)
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        string? row = readme.Split('\n').FirstOrDefault(line => line.StartsWith("| `rho-fast " + command + "`", StringComparison.Ordinal)
            || line.StartsWith("| `rho-fast " + command + " ", StringComparison.Ordinal));
        string help = CliRun.Run(command, "--help").Out;
        string options = help[help.IndexOf("\nOptions:\n", StringComparison.Ordinal)..];

        Assert.NotNull(row);
        string usage = row[..row.IndexOf("` |", StringComparison.Ordinal)];
        foreach (Match option in Regex.Matches(options, @"\n  (?:-\w, )?(--[a-z-]+)"))
        {
            if (option.Groups[1].Value != "--help")
            {
                Assert.Contains(option.Groups[1].Value, usage);
            }
        }
    }

    /// <summary>"check &lt;FILE&gt;..." from "Usage:\n  host check &lt;FILE&gt;... [options]".</summary>
    private static string Usage(string help)
    {
        string line = help.Split('\n')[help.Split('\n').ToList().IndexOf("Usage:") + 1].Trim();
        string withoutHost = line[(line.IndexOf(' ') + 1)..];
        return withoutHost.EndsWith(" [options]", StringComparison.Ordinal) ? withoutHost[..^" [options]".Length] : withoutHost;
    }

    private static string RepositoryRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Rho.Fast.sln")))
            {
                return dir;
            }
        }

        throw new DirectoryNotFoundException("no Rho.Fast.sln above " + AppContext.BaseDirectory);
    }
}

using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("list", "List the sessions")]
    [InlineData("show", "NO_COLOR")]
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

        foreach (string command in new[] { "list", "show", "check", "repair", "fmt", "gen", "bench", "demo" })
        {
            Assert.Contains("\n  " + command + " ", output);
        }
    }
}

using System.IO;
using System.Linq;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

/// <summary><c>--max-line-length</c> on every command that reads a file, and an error that names it.</summary>
public sealed class LineLimitTests
{
    [Theory]
    [InlineData(2, "check")]
    [InlineData(1, "show")]
    [InlineData(1, "fmt")]
    [InlineData(1, "repair")]
    [InlineData(2, "repair", "--salvage")]
    [InlineData(1, "bench", "--json", "--iterations", "1")]
    public void A_line_over_the_limit_is_an_error_that_names_the_option(int exitCode, params string[] command)
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("long.jsonl"));
        byte[] before = File.ReadAllBytes(path);

        CliResult result = CliRun.Run([.. command, path, "--max-line-length", (Longest(path) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains("longer than the limit", result.Out + result.Stderr);
        Assert.Contains("give --max-line-length BYTES", result.Out + result.Stderr);
        Assert.DoesNotContain("SessionReadOptions", result.Out + result.Stderr);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("check")]
    [InlineData("show")]
    [InlineData("fmt")]
    [InlineData("repair")]
    [InlineData("repair", "--salvage")]
    [InlineData("bench", "--json", "--iterations", "1")]
    public void A_line_at_the_limit_is_read(params string[] command)
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("long.jsonl"));

        CliResult result = CliRun.Run([.. command, path, "--max-line-length", Longest(path).ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static int Longest(string path) => File.ReadAllLines(path).Max(line => System.Text.Encoding.UTF8.GetByteCount(line));
}

using System.Text.RegularExpressions;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

/// <summary>Every command locates a bad line the same way: the offset of its first byte, and the column of the problem.</summary>
public sealed class LocationTests
{
    [Fact]
    public void The_same_damaged_line_has_the_same_offset_and_column_in_check_fmt_show_and_bench()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Corrupt(temp.Combine("corrupt.jsonl"), line: 5);
        long lineStart = SessionFixtures.OffsetOfLine(path, 5);

        CliResult check = CliRun.Run("check", path);
        Match where = Regex.Match(check.Out, @"line 5 \(byte offset " + lineStart + @", column (\d+)\)");

        Assert.True(where.Success, check.ToString());
        Assert.True(int.Parse(where.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 1);
        Assert.StartsWith("ERROR: " + path + ": " + where.Value + ": ", CliRun.Run("fmt", path).Stderr);
        Assert.StartsWith("ERROR: " + path + ": " + where.Value + ": ", CliRun.Run("show", path).Stderr);
        Assert.StartsWith("rho-fast: " + path + ": " + where.Value + ": ", CliRun.Run("bench", path, "--json").Stderr);
        Assert.Contains("corrupt, left unchanged: " + where.Value + ": ", CliRun.Run("repair", path).Out);
    }
}

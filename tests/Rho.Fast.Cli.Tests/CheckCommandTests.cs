using System.Linq;
using System.IO;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void A_clean_file_exits_0()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("clean.jsonl"));

        CliResult result = CliRun.Run("check", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(path + ": ok, " + SessionFixtures.Messages + " messages", result.Out);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void A_torn_tail_exits_1_and_names_the_line_and_offset()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Torn(temp.Combine("torn.jsonl"));
        byte[] before = File.ReadAllBytes(path);
        int tornLine = SessionFixtures.Messages + 2;

        CliResult result = CliRun.Run("check", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("torn last line " + tornLine + " (byte offset " + SessionFixtures.OffsetOfLine(path, tornLine) + ")", result.Out);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".dropped"));
    }

    [Fact]
    public void An_unanswered_tool_turn_exits_1()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.UnansweredTurn(temp.Combine("turn.jsonl"));

        CliResult result = CliRun.Run("check", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unanswered tool turn at line " + (SessionFixtures.Messages + 2), result.Out);
    }

    [Fact]
    public void A_bad_line_before_the_end_exits_2_and_every_bad_line_is_listed()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Corrupt(temp.Combine("corrupt.jsonl"), line: 5);
        SessionFixtures.InsertLine(path, 10, "garbage");
        byte[] before = File.ReadAllBytes(path);

        CliResult result = CliRun.Run("check", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("corrupt, 2 damaged lines", result.Out);
        Assert.Contains("line 5 (byte offset " + SessionFixtures.OffsetOfLine(path, 5) + ")", result.Out);
        Assert.Contains("line 10 (byte offset " + SessionFixtures.OffsetOfLine(path, 10) + ")", result.Out);
        Assert.Contains("repair --salvage", result.Out);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void With_several_files_the_worst_code_wins()
    {
        using var temp = new TempDirectory();
        string clean = SessionFixtures.Clean(temp.Combine("clean.jsonl"));
        string torn = SessionFixtures.Torn(temp.Combine("torn.jsonl"));
        string corrupt = SessionFixtures.Corrupt(temp.Combine("corrupt.jsonl"));

        Assert.Equal(1, CliRun.Run("check", clean, torn).ExitCode);
        Assert.Equal(2, CliRun.Run("check", torn, corrupt, clean).ExitCode);
    }

    [Fact]
    public void A_missing_file_is_one_line_on_stderr_and_the_others_are_still_checked()
    {
        using var temp = new TempDirectory();
        string clean = SessionFixtures.Clean(temp.Combine("clean.jsonl"));
        string missing = temp.Combine("missing.jsonl");

        CliResult result = CliRun.Run("check", missing, clean);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("rho-fast: no such file: " + missing + "\n", result.Stderr);
        Assert.Contains(clean + ": ok", result.Out);
    }

    [Theory]
    [InlineData("edge/torn-tail.jsonl", 1)]
    [InlineData("edge/incomplete-turn-middle.jsonl", 1)]
    [InlineData("edge/err-garbage.jsonl", 2)]
    [InlineData("edge/crlf-blank-no-final-newline.jsonl", 0)]
    [InlineData("realistic-1k.jsonl", 0)]
    public void Vectors_get_the_code_of_the_reference_rule(string name, int exitCode)
    {
        Assert.Equal(exitCode, CliRun.Run("check", Vectors.PathOf(name)).ExitCode);
    }

    [Fact]
    public void Damaged_lines_are_capped_with_a_count_of_the_rest()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("many.jsonl"));
        for (int i = 0; i < 30; i++)
        {
            SessionFixtures.InsertLine(path, 3, "garbage " + i);
        }

        CliResult result = CliRun.Run("check", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("corrupt, 30 damaged lines", result.Out);
        Assert.Equal(20, result.Out.Split('\n').Count(line => line.StartsWith("  line ", System.StringComparison.Ordinal)));
        Assert.Contains("\n  … and 10 more damaged lines\n", result.Out);
    }

    [Fact]
    public void The_corrupt_report_counts_the_entries_salvage_keeps_and_says_only_torn_lines_go()
    {
        using var temp = new TempDirectory();
        // An unanswered turn at the end: readers leave it out, salvage keeps it as the entry it is.
        string path = SessionFixtures.UnansweredTurn(temp.Combine("corrupt.jsonl"));
        SessionFixtures.InsertLine(path, 5, "{\"type\":\"message\",\"timest");
        int entries = SessionFixtures.LineCount(path) - 1;

        CliResult check = CliRun.Run("check", path);
        CliResult salvage = CliRun.Run("repair", "--salvage", path);

        Assert.Contains("'rho-fast repair --salvage " + path + "' keeps every complete entry (" + entries + " entries) and drops only the torn lines", check.Out);
        Assert.DoesNotContain(" messages)", check.Out);
        Assert.Contains(path + ": salvaged, " + entries + " entries kept", salvage.Out);
    }
}

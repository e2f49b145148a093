using System.Linq;
using System.IO;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class RepairCommandTests
{
    [Fact]
    public void Repair_cuts_a_torn_tail_into_the_backup_and_says_where_it_is()
    {
        using var temp = new TempDirectory();
        string clean = SessionFixtures.Clean(temp.Combine("clean.jsonl"));
        string path = SessionFixtures.Torn(temp.Combine("torn.jsonl"));
        byte[] torn = File.ReadAllBytes(path);
        byte[] expected = File.ReadAllBytes(clean);

        CliResult result = CliRun.Run("repair", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, File.ReadAllBytes(path));
        byte[] backup = File.ReadAllBytes(path + ".dropped");
        Assert.Equal(torn[expected.Length..], backup[..^1]);
        Assert.Contains("cut the torn last line " + (SessionFixtures.Messages + 2), result.Out);
        Assert.Contains("appended to " + Path.GetFullPath(path) + ".dropped", result.Out);
        Assert.Equal(0, CliRun.Run("check", path).ExitCode);
    }

    [Fact]
    public void Repair_answers_an_unanswered_tool_turn_as_interrupted_instead_of_cutting_it()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.UnansweredTurn(temp.Combine("turn.jsonl"));
        byte[] before = File.ReadAllBytes(path);

        CliResult result = CliRun.Run("repair", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("answered 1 unanswered tool call with a failed result", result.Out);
        Assert.Contains("call_x", result.Out);
        Assert.Equal(before, File.ReadAllBytes(path)[..before.Length]);
        Assert.Equal(SessionFixtures.Messages + 3, SessionFixtures.LineCount(path));
        Assert.False(File.Exists(path + ".dropped"));
        Assert.Equal(0, CliRun.Run("check", path).ExitCode);
    }

    [Fact]
    public void Repair_of_a_clean_file_changes_nothing()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("clean.jsonl"));
        byte[] before = File.ReadAllBytes(path);

        CliResult result = CliRun.Run("repair", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing to repair, " + SessionFixtures.Messages + " messages", result.Out);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + ".dropped"));
    }

    [Fact]
    public void Repair_leaves_a_corrupt_file_alone_and_points_to_salvage()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Corrupt(temp.Combine("corrupt.jsonl"));
        byte[] before = File.ReadAllBytes(path);

        CliResult result = CliRun.Run("repair", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("corrupt, left unchanged: line 5", result.Out);
        Assert.Contains("--salvage", result.Out);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Salvage_drops_the_bad_lines_into_the_backup_and_keeps_the_rest()
    {
        using var temp = new TempDirectory();
        byte[] clean = File.ReadAllBytes(SessionFixtures.Clean(temp.Combine("clean.jsonl")));
        string path = SessionFixtures.Corrupt(temp.Combine("corrupt.jsonl"), line: 5);
        string badLine = File.ReadAllLines(path)[4];

        CliResult result = CliRun.Run("repair", "--salvage", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("salvaged, " + (SessionFixtures.Messages + 1) + " entries kept", result.Out);
        Assert.Contains("dropped line 5 (byte offset " + SessionFixtures.OffsetOfLine(temp.Combine("clean.jsonl"), 5) + ")", result.Out);
        Assert.Equal(clean, File.ReadAllBytes(path));
        Assert.Equal(badLine + "\n", File.ReadAllText(path + ".dropped"));
        Assert.Contains(Path.GetFullPath(path) + ".dropped", result.Out);
        Assert.Equal(0, CliRun.Run("check", path).ExitCode);
    }

    [Fact]
    public void Salvage_says_when_an_unanswered_tool_turn_remains()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.UnansweredTurn(temp.Combine("turn.jsonl"));
        SessionFixtures.InsertLine(path, 3, "garbage");

        CliResult result = CliRun.Run("repair", "--salvage", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("an unanswered tool turn remains at line " + (SessionFixtures.Messages + 2), result.Out);
        Assert.Equal(1, CliRun.Run("check", path).ExitCode);
        Assert.Equal(0, CliRun.Run("repair", path).ExitCode);
        Assert.Equal(0, CliRun.Run("check", path).ExitCode);
    }

    [Fact]
    public void Salvage_of_a_clean_file_keeps_every_entry()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("clean.jsonl"));
        byte[] before = File.ReadAllBytes(path);

        CliResult result = CliRun.Run("repair", "--salvage", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing to salvage", result.Out);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_missing_file_is_one_line_on_stderr()
    {
        using var temp = new TempDirectory();
        string missing = temp.Combine("missing.jsonl");

        CliResult result = CliRun.Run("repair", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rho-fast: no such file: " + missing + "\n", result.Stderr);
    }

    [Fact]
    public void Salvage_caps_its_list_of_dropped_lines()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("many.jsonl"));
        for (int i = 0; i < 25; i++)
        {
            SessionFixtures.InsertLine(path, 3, "garbage " + i);
        }

        CliResult result = CliRun.Run("repair", "--salvage", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(20, result.Out.Split('\n').Count(line => line.StartsWith("  dropped line ", System.StringComparison.Ordinal)));
        Assert.Contains("\n  … and 5 more dropped lines\n", result.Out);
        Assert.Equal(SessionFixtures.Messages + 1, SessionFixtures.LineCount(path));
    }
}

using System.IO;
using System.Linq;
using Rho.Fast.Synthetic;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class GenCommandTests
{
    [Fact]
    public void The_same_seed_gives_the_same_bytes()
    {
        using var temp = new TempDirectory();

        Assert.Equal(0, CliRun.Run("gen", temp.Combine("a.jsonl"), "--messages", "120", "--seed", "42").ExitCode);
        Assert.Equal(0, CliRun.Run("gen", temp.Combine("b.jsonl"), "-n", "120", "--seed", "42").ExitCode);
        Assert.Equal(0, CliRun.Run("gen", temp.Combine("c.jsonl"), "--messages", "120", "--seed", "43").ExitCode);

        byte[] a = File.ReadAllBytes(temp.Combine("a.jsonl"));
        Assert.Equal(a, File.ReadAllBytes(temp.Combine("b.jsonl")));
        Assert.NotEqual(a, File.ReadAllBytes(temp.Combine("c.jsonl")));
    }

    [Fact]
    public void The_file_holds_the_messages_asked_for_and_checks_clean()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("gen.jsonl");

        CliResult result = CliRun.Run("gen", path, "--messages", "75");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("wrote 75 messages (", result.Out);
        Assert.EndsWith(" to " + path + "\n", result.Out);
        Assert.Equal(76, SessionFixtures.LineCount(path));
        Assert.Contains(": ok, 75 messages", CliRun.Run("check", path).Out);
    }

    [Fact]
    public void Format_4_writes_rhos_tree_session_of_at_least_the_messages_asked_for()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("tree.jsonl");
        string again = temp.Combine("again.jsonl");

        CliResult result = CliRun.Run("gen", path, "--messages", "300", "--seed", "5", "--format", "4");

        Assert.Equal(0, result.ExitCode);
        SyntheticTreeFile expected = SyntheticTreeSession.WriteFileOfMessages(again, 300, 5);
        Assert.True(expected.MessageCount >= 300);
        Assert.Equal(File.ReadAllBytes(again), File.ReadAllBytes(path));
        Assert.StartsWith("wrote " + expected.MessageCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " messages in "
            + expected.EntryCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " entries (", result.Out);
        Assert.EndsWith(", format 4) to " + path + "\n", result.Out);
        Assert.StartsWith("{\"type\":\"session\",\"version\":4,", File.ReadLines(path).First());
        SessionHistories histories = SessionReader.ReadHistories(path);
        Assert.Contains(": ok (rho 1.47 format v4, read only), " + histories.Model.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " messages in the model history", CliRun.Run("check", path).Out);
    }

    [Fact]
    public void An_existing_file_is_kept_unless_forced()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("gen.jsonl");
        File.WriteAllText(path, "mine");

        CliResult refused = CliRun.Run("gen", path, "--messages", "3");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("rho-fast: " + path + " exists; use --force to overwrite it\n", refused.Stderr);
        Assert.Equal("mine", File.ReadAllText(path));
        Assert.Equal(0, CliRun.Run("gen", path, "--messages", "3", "--force").ExitCode);
        Assert.Equal(4, SessionFixtures.LineCount(path));
    }

    [Fact]
    public void With_root_it_writes_a_new_session_of_the_workspace()
    {
        using var temp = new TempDirectory();
        string root = temp.Combine("sessions");

        CliResult result = CliRun.Run("gen", "--root", root, "--cwd", "/work/project", "--messages", "10");

        Assert.Equal(0, result.ExitCode);
        string path = result.Out.Trim()[(result.Out.IndexOf(" to ") + 4)..];
        Assert.StartsWith(Path.Combine(root, WorkspaceKey.For("/work/project")), path);
        Assert.Contains(" 10 ", CliRun.Run("list", "--root", root, "--cwd", "/work/project").Out);
    }

    [Theory]
    [InlineData("gen", "--messages", "3")]
    [InlineData("gen", "x.jsonl")]
    [InlineData("gen", "x.jsonl", "--messages", "-1")]
    [InlineData("gen", "x.jsonl", "--root", "r", "--messages", "1")]
    [InlineData("gen", "x.jsonl", "--messages", "1", "--format", "2")]
    [InlineData("gen", "x.jsonl", "--messages", "1", "--format", "four")]
    [InlineData("gen", "--root", "r", "--messages", "1", "--format", "4")]
    public void Bad_arguments_are_one_line_on_stderr(params string[] args)
    {
        CliResult result = CliRun.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("rho-fast: ", result.Stderr);
        Assert.Equal("", result.Out);
    }
}

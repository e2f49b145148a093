using System;
using System.IO;
using System.Runtime.Versioning;
using System.Text;
using System.Threading;
using Rho.Fast.Serialization;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

/// <summary>
/// <c>rho-fast follow</c> as a user runs it: the transcript <c>show</c> prints, then each message
/// as it is appended (a half-written one only once it is complete), until Ctrl-C, which exits 0.
/// </summary>
[UnsupportedOSPlatform("windows")] // Ctrl-C is sent as SIGINT.
public sealed class FollowCommandTests
{
    [Fact]
    public void Follow_prints_the_transcript_then_each_appended_message_until_ctrl_c()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("s.jsonl"));
        string shown = CliRun.Run("show", path).Out;
        using RunningCli follow = RunningCli.Start("follow", path);
        follow.WaitForOutput(output => output == shown, "the transcript show prints");

        byte[] line = Encoding.UTF8.GetBytes(EntryLine(Message.UserText("appended while following")));
        Append(path, line.AsSpan(0, line.Length / 2));
        // Several looks at the file: a half line is never printed.
        Thread.Sleep(500);
        Assert.Equal(shown, follow.Out);
        Append(path, line.AsSpan(line.Length / 2));
        Append(path, Encoding.UTF8.GetBytes(EntryLine(Message.AssistantText("and answered"))));
        string expected = shown + "── #41 user ──\nappended while following\n\n" + "── #42 assistant ──\nand answered\n\n";
        follow.WaitForOutput(output => output.Length >= expected.Length, "the appended messages");

        CliResult result = follow.Interrupt();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.Out);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Follow_json_prints_each_message_as_show_json_does()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Clean(temp.Combine("s.jsonl"));
        string shown = CliRun.Run("show", "--json", path).Out;
        using RunningCli follow = RunningCli.Start("follow", "--json", path);
        follow.WaitForOutput(output => output == shown, "the messages show --json prints");

        Message appended = Message.UserText("a \"quoted\" line\nand a newline");
        Append(path, Encoding.UTF8.GetBytes(EntryLine(appended)));
        string expected = shown + Wire.Serialize(appended) + "\n";
        follow.WaitForOutput(output => output.Length >= expected.Length, "the appended message");

        CliResult result = follow.Interrupt();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, result.Out);
    }

    [Fact]
    public void A_damaged_line_ends_follow_with_the_error_line_after_the_messages_before_it()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Corrupt(temp.Combine("s.jsonl"), line: 5);

        CliResult result = CliRun.Run("follow", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("── #3 ", result.Out);
        Assert.DoesNotContain("── #4 ", result.Out);
        Assert.StartsWith("ERROR: " + path + ": line 5 (byte offset " + SessionFixtures.OffsetOfLine(path, 5) + ", column ", result.Stderr);
    }

    [Fact]
    public void A_file_of_another_format_version_is_left_alone_with_exit_code_4()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, "{\"type\":\"session\",\"version\":99,\"id\":\"x\",\"timestamp\":\"0\",\"cwd\":\"/\"}\n");

        CliResult result = CliRun.Run("follow", path);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("format v99", result.Stderr);
        Assert.Equal("", result.Out);
    }

    private static string EntryLine(Message message) => Wire.Serialize(new SessionEntry.MessageEntry("1", message)) + "\n";

    private static void Append(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        file.Write(bytes);
    }
}

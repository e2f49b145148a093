using System.IO;
using Rho.Fast.Serialization;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

public sealed class ShowTextTests
{
    [Fact]
    public void The_transcript_has_roles_tool_calls_with_arguments_and_outcomes()
    {
        using var temp = new TempDirectory();
        string path = Write(temp,
            Message.SystemText("You are rho."),
            Message.UserText("List the files, then read a missing one."),
            new Message.Assistant(
            [
                new ContentBlock.Text("Looking."),
                new ContentBlock.ToolCall(new ToolInvocation("call_1", "bash", RawJson.Parse("{\"command\":\"ls -la\",\"timeout_ms\":5000}"))),
                new ContentBlock.ToolCall(new ToolInvocation("call_2", "read_file", RawJson.Parse("{\"path\":\"nope.rs\"}"))),
            ]),
            Message.ToolResultFor("call_1", true, "a.rs\nb.rs"),
            Message.ToolResultFor("call_2", false, "no such file"),
            Message.AssistantText("There are two files."));

        CliResult result = CliRun.Run("show", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "── #1 system ──\nYou are rho.\n\n" +
            "── #2 user ──\nList the files, then read a missing one.\n\n" +
            "── #3 assistant ──\nLooking.\n" +
            "▸ bash [call_1]\n    command: ls -la\n    timeout_ms: 5000\n" +
            "▸ read_file [call_2]\n    path: nope.rs\n\n" +
            "── #4 result of bash [call_1]: ok ──\na.rs\nb.rs\n\n" +
            "── #5 result of read_file [call_2]: FAILED ──\nno such file\n\n" +
            "── #6 assistant ──\nThere are two files.\n\n",
            result.Out);
    }

    [Fact]
    public void Nested_arguments_are_indented_json_and_multiline_strings_are_blocks()
    {
        using var temp = new TempDirectory();
        string path = Write(temp,
            new Message.Assistant(
            [
                new ContentBlock.ToolCall(new ToolInvocation("c1", "edit_file", RawJson.Parse("{\"edits\":[{\"old\":\"a\",\"new\":1.50}]}"))),
                new ContentBlock.ToolCall(new ToolInvocation("c2", "write_file", RawJson.Parse("{\"content\":\"line 1\\nline 2\\n\"}"))),
            ]),
            Message.ToolResultFor("c1", true, ""),
            Message.ToolResultFor("c2", true, ""));

        string output = CliRun.Run("show", path).Out;

        Assert.Contains("▸ edit_file [c1]\n    {\n      \"edits\": [\n        {\n          \"old\": \"a\",\n          \"new\": 1.50\n        }\n      ]\n    }\n", output);
        Assert.Contains("▸ write_file [c2]\n    content:\n      line 1\n      line 2\n", output);
    }

    [Fact]
    public void Control_characters_are_shown_not_sent_to_the_terminal()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, Message.UserText("red \u001b[31mtext\u001b[0m\r\nbell\u0007 rtl\u202e"));

        string output = CliRun.Run("show", path).Out;

        Assert.Contains("red ␛[31mtext␛[0m\nbell␇ rtl\uFFFD\n", output);
        Assert.DoesNotContain("\u001b", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_only_when_the_console_allows_it()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, Message.UserText("hi"));

        Assert.DoesNotContain("\u001b[", CliRun.Run("show", path).Out, System.StringComparison.Ordinal);
        Assert.Contains("\u001b[32muser\u001b[0m", CliRun.Run(new ConsoleShape(Color: true), "show", path).Out);
    }

    [Fact]
    public void What_repair_left_out_is_said_at_the_end()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Torn(temp.Combine("torn.jsonl"));

        CliResult result = CliRun.Run("show", path);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("\ntorn last line " + (SessionFixtures.Messages + 2) + " (byte offset " + SessionFixtures.OffsetOfLine(path, SessionFixtures.Messages + 2) + ") ignored: "
            + "invalid JSON: Expected end of string, but instead reached end of data.\n", result.Out);
    }

    [Fact]
    public void A_corrupt_file_prints_one_error_line_on_stderr()
    {
        using var temp = new TempDirectory();
        string path = SessionFixtures.Corrupt(temp.Combine("corrupt.jsonl"));

        CliResult result = CliRun.Run("show", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("ERROR: " + path + ": line 5 ", result.Stderr);
        Assert.Single(result.Stderr.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Write(TempDirectory temp, params Message[] messages)
    {
        string path = temp.Combine("session.jsonl");
        using var output = new StreamWriter(path);
        foreach (Message message in messages)
        {
            output.Write(Wire.Serialize(new SessionEntry.MessageEntry("1", message)) + "\n");
        }

        return path;
    }
}

using System.Linq;
using System.IO;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>What the index records of one file, as rho's index row describes a session.</summary>
public sealed class SessionSummarizerTests
{
    [Fact]
    public void User_text_is_the_text_blocks_trimmed_without_empty_ones_joined_by_newlines()
    {
        using var temp = new TempDirectory();
        var blocks = new Message.User([
            new ContentBlock.Text("  first block \n"),
            new ContentBlock.ToolCall(new ToolInvocation("c", "bash", RawJson.Parse("{}"))),
            new ContentBlock.Text(" \t "),
            new ContentBlock.Text("\u3000second\u2028"),
        ]);
        string path = File(temp, Conversation.HeaderLine("x", "10", "/w"), Entry(Message.UserText("   "), "11"), Entry(blocks, "12"), Entry(Message.AssistantText("no"), "13"), Entry(Message.UserText(" last "), "14"));

        SessionSummary summary = SessionSummarizer.Summarize(path);

        Assert.Equal(new SessionSummary("/w", 10, 14, 4, "first block\nsecond", "last"), summary);
    }

    [Fact]
    public void A_torn_tail_and_an_unanswered_turn_are_not_counted_but_the_turn_s_time_is()
    {
        using var temp = new TempDirectory();
        string open = Entry(Conversation.ToolCalls("call_1"), "30");
        string torn = Entry(Message.UserText("torn"), "99")[..25];
        string path = File(temp, Conversation.HeaderLine("x", "10", "/w"), Entry(Message.UserText("asked"), "20"), open, torn);

        SessionSummary summary = SessionSummarizer.Summarize(path);

        Assert.Equal(new SessionSummary("/w", 10, 30, 1, "asked", "asked"), summary);
    }

    [Fact]
    public void The_update_time_is_the_latest_entry_s_even_far_from_its_start()
    {
        using var temp = new TempDirectory();
        string longLast = Entry(Message.AssistantText(new string('z', 200_000)), "77");
        string path = File(temp, Conversation.HeaderLine("x", "10", "/w"), Entry(Message.UserText("q"), "20"), longLast, "\n\n");

        SessionSummary summary = SessionSummarizer.Summarize(path);

        Assert.Equal(77UL, summary.UpdatedAt);
        Assert.Equal(2, summary.MessageCount);
    }

    [Fact]
    public void Timestamps_that_do_not_parse_are_left_out()
    {
        using var temp = new TempDirectory();
        string path = File(temp, Conversation.HeaderLine("x", "soon", "/w"), Entry(Message.UserText("q"), "-5"));

        SessionSummary summary = SessionSummarizer.Summarize(path);

        Assert.Null(summary.CreatedAt);
        Assert.Null(summary.UpdatedAt);
    }

    [Fact]
    public void An_empty_file_has_nothing()
    {
        using var temp = new TempDirectory();

        Assert.Equal(new SessionSummary(null, null, null, 0, null, null), SessionSummarizer.Summarize(File(temp)));
    }

    [Fact]
    public void A_file_of_a_newer_format_is_refused()
    {
        using var temp = new TempDirectory();
        string path = File(temp, "{\"type\":\"session\",\"version\":5,\"id\":\"x\",\"timestamp\":\"1\",\"cwd\":\"/w\"}\n");

        Assert.Throws<UnsupportedSessionFormatException>(() => SessionSummarizer.Summarize(path));
    }

    [Theory]
    [MemberData(nameof(Rho147.Rho147Files.Sessions), MemberType = typeof(Rho147.Rho147Files))]
    public void A_rho_1_47_session_is_summarized_by_rhos_rules(string name)
    {
        string path = Rho147.Rho147Files.PathOf(name);
        SessionHistories histories = SessionReader.ReadHistories(path);
        SessionSummary summary = SessionSummarizer.Summarize(path);

        // What rho's index counts: the messages shown, without compaction notices.
        int notices = histories.Display.Count(m => m.ToString().StartsWith("Assistant: \u25C6 Compacted context", System.StringComparison.Ordinal));
        Assert.InRange(summary.MessageCount, histories.Display.Count - notices - histories.DisplayMessagesCut - 1, histories.Display.Count);
        Assert.Equal(histories.Summary.Header?.Cwd, summary.Cwd);
        Assert.True(summary.MessageCount > 0, name);
    }

    private static string Entry(Message message, string timestamp) => Conversation.EntryLine(message, timestamp);

    private static string File(TempDirectory temp, params string[] lines)
    {
        string path = temp.Combine("1_s.jsonl");
        System.IO.File.WriteAllText(path, string.Concat(lines));
        return path;
    }
}

using System;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>The streaming reader's one-pass repair on hand-made files.</summary>
public sealed class ReaderRepairTests
{
    private static readonly string s_header = Conversation.HeaderLine();

    [Fact]
    public async Task A_torn_last_entry_is_ignored_at_every_byte_offset()
    {
        string prefix = s_header + Conversation.EntryLine(Message.UserText("kept"));
        byte[] last = Conversation.Utf8(Conversation.EntryLine(Message.AssistantText("naïve café 😀 \"quoted\"\n")));
        byte[] head = Conversation.Utf8(prefix);
        for (int cut = 0; cut < last.Length; cut++)
        {
            byte[] file = [.. head, .. last.AsSpan(0, cut)];
            SessionReadResult result = await Read(file);
            Message expected = cut == last.Length - 1 ? Message.AssistantText("naïve café 😀 \"quoted\"\n") : null!;
            if (cut == last.Length - 1)
            {
                // Everything but the newline: the entry is whole, and it is kept.
                Assert.Equal([Message.UserText("kept"), expected], result.Messages);
                Assert.Equal(file.Length, result.Summary.ValidLength);
            }
            else
            {
                Assert.Equal([Message.UserText("kept")], result.Messages);
                Assert.Equal(head.Length, result.Summary.ValidLength);
                Assert.Equal(cut > 0, result.Summary.TornTail is not null);
            }
        }
    }

    [Fact]
    public async Task A_corrupt_middle_line_names_line_and_offset()
    {
        string good = s_header + Conversation.EntryLine(Message.UserText("a"));
        string file = good + "{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"Nope\":1}\n" + Conversation.EntryLine(Message.UserText("b"));
        var error = await Assert.ThrowsAsync<SessionFormatException>(() => Read(Conversation.Utf8(file), "s.jsonl"));
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(Encoding.UTF8.GetByteCount(good), error.LineOffset);
        Assert.True(error.ByteOffset > error.LineOffset);
        Assert.Contains("s.jsonl: line 3", error.Message);
    }

    [Fact]
    public async Task A_complete_middle_line_of_a_shape_this_version_cannot_map_names_line_variant_and_format()
    {
        string good = s_header + Conversation.EntryLine(Message.UserText("a"));
        string file = good + "{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"User\":{\"Nope\":1}}}\n" + Conversation.EntryLine(Message.UserText("b"));
        var error = await Assert.ThrowsAsync<UnsupportedSessionFormatException>(() => Read(Conversation.Utf8(file), "s.jsonl"));
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(Encoding.UTF8.GetByteCount(good), error.LineOffset);
        Assert.Contains("s.jsonl: line 3", error.Message);
        Assert.Contains("User", error.Message);
        Assert.Contains("reads (format v1 to v4)", error.Message);
    }

    [Fact]
    public async Task Crlf_blank_lines_and_a_missing_final_newline_are_accepted()
    {
        string file = s_header.Replace("\n", "\r\n") + "\r\n  \t\r\n\u00a0\u3000\n"
            + Conversation.EntryLine(Message.UserText("a")).Replace("\n", "\r\n")
            + Conversation.EntryLine(Message.UserText("b")).TrimEnd('\n');
        SessionReadResult result = await Read(Conversation.Utf8(file));
        Assert.Equal([Message.UserText("a"), Message.UserText("b")], result.Messages);
        Assert.Equal(Encoding.UTF8.GetByteCount(file), result.Summary.ValidLength);
        Assert.Null(result.Summary.TornTail);
    }

    [Fact]
    public async Task A_bom_before_the_first_line_is_skipped_but_not_elsewhere()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        byte[] file = [.. bom, .. Conversation.Utf8(s_header + Conversation.EntryLine(Message.UserText("a")))];
        SessionReadResult result = await Read(file);
        Assert.Equal([Message.UserText("a")], result.Messages);
        Assert.NotNull(result.Summary.Header);

        byte[] middle = [.. Conversation.Utf8(s_header), .. bom, .. Conversation.Utf8(Conversation.EntryLine(Message.UserText("a")) + Conversation.EntryLine(Message.UserText("b")))];
        await Assert.ThrowsAsync<SessionFormatException>(() => Read(middle));
    }

    [Fact]
    public async Task Invalid_utf8_is_a_torn_tail_when_last_and_an_error_otherwise()
    {
        byte[] bad = [.. Conversation.Utf8("{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"System\":\"a"), 0xFF, .. Conversation.Utf8("\"}}\n")];
        byte[] head = Conversation.Utf8(s_header + Conversation.EntryLine(Message.UserText("a")));
        SessionReadResult result = await Read([.. head, .. bad]);
        Assert.Equal([Message.UserText("a")], result.Messages);
        Assert.Contains("UTF-8", result.Summary.TornTail!.Reason);

        var error = await Assert.ThrowsAsync<SessionFormatException>(() => Read([.. head, .. bad, .. Conversation.Utf8(Conversation.EntryLine(Message.UserText("b")))]));
        Assert.Equal(3, error.LineNumber);
        // The 0xFF byte sits 56 bytes into the line.
        Assert.Equal(head.Length + 56, error.ByteOffset);
    }

    [Fact]
    public async Task Tool_turns_cut_at_each_position_follow_the_reference()
    {
        Message[] conversation =
        [
            Message.UserText("go"),
            Conversation.ToolCalls("a", "b"),
            Conversation.Result("a"),
            Conversation.Result("b"),
            Message.AssistantText("done"),
            Conversation.ToolCalls("c"),
            Conversation.Result("c"),
        ];
        for (int keep = 0; keep <= conversation.Length; keep++)
        {
            string file = s_header + string.Concat(conversation.Take(keep).Select(m => Conversation.EntryLine(m)));
            SessionReadResult result = await Read(Conversation.Utf8(file));
            Assert.Equal(ReferenceRepair.Apply(conversation.Take(keep).ToList()), result.Messages);
        }
    }

    [Fact]
    public async Task A_line_longer_than_the_cap_is_a_clear_error()
    {
        string file = s_header + Conversation.EntryLine(Message.UserText(new string('x', 5000)));
        var options = new SessionReadOptions { MaxLineLength = 1000, SourceName = "big.jsonl" };
        var error = await Assert.ThrowsAsync<SessionFormatException>(() =>
            SessionReader.ReadMessagesAsync(new MemoryStream(Conversation.Utf8(file)), options));
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("longer than the limit of 1000 bytes", error.Message);
    }

    [Fact]
    public async Task Lines_split_across_pipe_segments_read_the_same()
    {
        string text = s_header + string.Concat(Enumerable.Range(0, 50).Select(i => Conversation.EntryLine(Message.UserText("message " + i + " " + new string('é', i * 7)))));
        byte[] file = Conversation.Utf8(text);
        var pipe = new Pipe(new PipeOptions(minimumSegmentSize: 16));
        Task writing = Task.Run(async () =>
        {
            for (int i = 0; i < file.Length; i += 37)
            {
                await pipe.Writer.WriteAsync(file.AsMemory(i, Math.Min(37, file.Length - i)));
            }

            await pipe.Writer.CompleteAsync();
        });
        SessionReadResult result = await SessionReader.ReadMessagesAsync(pipe.Reader);
        await writing;
        Assert.Equal(50, result.Messages.Count);
        Assert.Equal(Message.UserText("message 49 " + new string('é', 49 * 7)), result.Messages[49]);
    }

    [Fact]
    public async Task Streaming_holds_back_only_the_open_turn()
    {
        var pipe = new Pipe();
        SessionMessageStream stream = SessionReader.StreamMessagesAsync(pipe.Reader);
        await using var messages = stream.GetAsyncEnumerator();
        await pipe.Writer.WriteAsync(Conversation.Utf8(s_header + Conversation.EntryLine(Message.UserText("a"))));
        Assert.True(await messages.MoveNextAsync());
        Assert.Equal(Message.UserText("a"), messages.Current);

        await pipe.Writer.WriteAsync(Conversation.Utf8(Conversation.EntryLine(Conversation.ToolCalls("x"))));
        ValueTask<bool> next = messages.MoveNextAsync();
        await Task.Delay(50);
        Assert.False(next.IsCompleted, "the assistant turn must wait for its result");

        await pipe.Writer.WriteAsync(Conversation.Utf8(Conversation.EntryLine(Conversation.Result("x"))));
        Assert.True(await next);
        Assert.IsType<Message.Assistant>(messages.Current);
        Assert.True(await messages.MoveNextAsync());
        Assert.IsType<Message.ToolResult>(messages.Current);

        await pipe.Writer.CompleteAsync();
        Assert.False(await messages.MoveNextAsync());
        Assert.False(stream.Summary!.WasRepaired);
    }

    private static Task<SessionReadResult> Read(byte[] file, string? name = null) =>
        SessionReader.ReadMessagesAsync(new MemoryStream(file), new SessionReadOptions { SourceName = name });
}

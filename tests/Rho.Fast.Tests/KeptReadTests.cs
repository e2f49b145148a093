using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Rho.Fast.Synthetic;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>
/// A read of a file that keeps every message reads it into arrays of its own and decodes lines on
/// several threads; it must give what a read through a pipe gives, line for line, errors included.
/// </summary>
public sealed class KeptReadTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task A_file_of_many_arrays_reads_as_the_pipe_reads_it(int threads)
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("big.jsonl");
        SyntheticSession.WriteFileOfSize(path, 5L << 20, 7);

        await AssertSameAsPipe(path, threads);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Arrays_of_more_short_lines_than_wait_at_once_read_in_order(int threads)
    {
        // Tens of thousands of lines an array: the lines waiting to be decoded fill up, and the
        // reader must decode and apply in order before it splits on.
        using var dir = new TempDirectory();
        string path = dir.Combine("short.jsonl");
        WriteSession(path, 80_000, i => Conversation.EntryLine(Message.UserText(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.True(new FileInfo(path).Length > 3 * KeptChunks.ChunkSize);

        await AssertSameAsPipe(path, threads);
        var messages = SessionReader.ReadMessages(path, new SessionReadOptions { MaxDecodeThreads = threads }).Messages;
        Assert.Equal(80_000, messages.Count);
        Assert.Equal(Message.UserText("79999"), messages[^1]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public async Task Entries_of_unknown_types_throughout_are_reported_with_their_own_bytes(int threads)
    {
        // An unknown entry's preview is taken from its line when it is applied, after decoding:
        // a reused buffer must not have been read into again by then.
        using var dir = new TempDirectory();
        string path = dir.Combine("unknown.jsonl");
        WriteSession(path, 20_000, i => i % 7 == 3
            ? "{\"type\":\"checkpoint\",\"n\":" + i + ",\"pad\":\"" + new string('p', i % 300) + "\"}\n"
            : Conversation.EntryLine(Message.UserText("line " + i + new string('x', i % 500))));
        Assert.True(new FileInfo(path).Length > 3 * KeptChunks.ChunkSize);

        await AssertSameAsPipe(path, threads);
        Assert.Equal((20_000 - 4) / 7 + 1, SessionReader.ReadMessages(path).Summary.UnknownEntries.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Damage_is_found_at_the_same_line_as_the_pipe_finds_it(int threads)
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("damaged.jsonl");
        SyntheticSession.WriteFileOfSize(path, 3L << 20, 8);
        byte[] bytes = File.ReadAllBytes(path);

        // A torn line in the middle (an error), then a torn tail (repaired): each near an array's end.
        int middle = NextLineStart(bytes, (1 << 20) - 100);
        byte[] torn = [.. bytes.AsSpan(0, middle), .. "{\"type\":\"message\",\"timest\n"u8, .. bytes.AsSpan(middle)];
        File.WriteAllBytes(path, torn);
        await AssertSameAsPipe(path, threads);

        File.WriteAllBytes(path, [.. bytes, .. "{\"type\":\"message\",\"timestamp\":\"1\",\"mess"u8]);
        await AssertSameAsPipe(path, threads);
    }

    [Fact]
    public async Task A_line_longer_than_an_array_and_a_text_across_arrays_read_whole()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("long.jsonl");
        var text = new StringBuilder();
        text.Append(Conversation.HeaderLine());
        for (int i = 0; i < 3000; i++)
        {
            text.Append(Conversation.EntryLine(Message.UserText("line " + i + " \"quoted\"\n" + new string('x', i % 700))));
        }

        text.Append(Conversation.EntryLine(Message.UserText(new string('y', 3 << 20))));
        text.Append(Conversation.EntryLine(Message.UserText("after")));
        File.WriteAllText(path, text.ToString());

        await AssertSameAsPipe(path, 2);
    }

    [Theory]
    [InlineData("m1 m2 m3", 3)]
    [InlineData("H m1 H m2 m3", 3)]
    [InlineData("m1 H m2", 2)]
    [InlineData("H call H result m3", 3)]
    [InlineData("H m1 call", 1)]
    [InlineData("H m1 call m2 m3", 1)]
    [InlineData("H m1 call H result", 3)]
    public async Task A_file_read_by_the_seed_rules_but_not_the_tree_rules_keeps_what_survives(string lines, int survivors)
    {
        // A second header or messages before the header stop the history builder, whose list is
        // otherwise the result: the messages from there on must be kept by the repair itself.
        using var dir = new TempDirectory();
        string path = dir.Combine("linear.jsonl");
        var text = new StringBuilder();
        foreach (string line in lines.Split(' '))
        {
            text.Append(line switch
            {
                "H" => Conversation.HeaderLine(),
                "call" => Conversation.EntryLine(Conversation.ToolCalls("a")),
                "result" => Conversation.EntryLine(Conversation.Result("a")),
                _ => Conversation.EntryLine(Message.UserText(line)),
            });
        }

        File.WriteAllText(path, text.ToString());
        await AssertSameAsPipe(path, 1);
        Assert.Equal(survivors, SessionReader.ReadMessages(path).Messages.Count);
    }

    [Fact]
    public void At_least_one_thread_decodes() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SessionReadOptions { MaxDecodeThreads = 0 });

    private static async Task AssertSameAsPipe(string path, int threads)
    {
        var options = new SessionReadOptions { MaxDecodeThreads = threads, SourceName = path };
        SessionReadResult? expected = null;
        Exception? expectedError = await Record.ExceptionAsync(async () =>
        {
            await using FileStream file = File.OpenRead(path);
            expected = await SessionReader.ReadMessagesAsync(file, options);
        });

        SessionReadResult? kept = null;
        Exception? keptError = Record.Exception(() => kept = SessionReader.ReadMessages(path, options));
        SessionReadResult? keptAsync = null;
        Exception? keptAsyncError = await Record.ExceptionAsync(async () => keptAsync = await SessionReader.ReadMessagesAsync(path, options));

        // A stream of the file decodes on several threads too, into a buffer it reuses.
        var streamed = new System.Collections.Generic.List<Message>();
        SessionMessageStream stream = SessionReader.StreamMessagesAsync(path, options);
        Exception? streamError = await Record.ExceptionAsync(async () =>
        {
            await foreach (Message message in stream)
            {
                streamed.Add(message);
            }
        });
        Assert.Equal(expectedError?.GetType(), streamError?.GetType());
        if (expected is not null)
        {
            Assert.Equal(expected.Messages, streamed);
            Assert.Equal(expected.Summary.ValidLength, stream.Summary!.ValidLength);
            Assert.Equal(expected.Summary.UnknownEntries, stream.Summary.UnknownEntries);
        }

        foreach ((SessionReadResult? actual, Exception? error) in new[] { (kept, keptError), (keptAsync, keptAsyncError) })
        {
            Assert.Equal(expectedError?.GetType(), error?.GetType());
            Assert.Equal(expectedError?.Message, error?.Message);
            if (expected is not null)
            {
                Assert.True(expected.Messages.Count > 0);
                Assert.Equal(expected.Messages, actual!.Messages);
                Assert.Equal(expected.Summary.ValidLength, actual.Summary.ValidLength);
                Assert.Equal(expected.Summary.LineCount, actual.Summary.LineCount);
                Assert.Equal(expected.Summary.TornTail, actual.Summary.TornTail);
                Assert.Equal(expected.Summary.DroppedMessageCount, actual.Summary.DroppedMessageCount);
                Assert.Equal(expected.Summary.UnknownEntries, actual.Summary.UnknownEntries);
            }
        }
    }

    /// <summary>Writes a header and <paramref name="count"/> lines made by <paramref name="line"/>.</summary>
    private static void WriteSession(string path, int count, Func<int, string> line)
    {
        var text = new StringBuilder();
        text.Append(Conversation.HeaderLine());
        for (int i = 0; i < count; i++)
        {
            text.Append(line(i));
        }

        File.WriteAllText(path, text.ToString());
    }

    private static int NextLineStart(byte[] bytes, int from) => from + Array.IndexOf(bytes, (byte)'\n', from) - from + 1;
}

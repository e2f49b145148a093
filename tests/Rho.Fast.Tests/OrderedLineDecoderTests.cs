using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>The decoder behind reads of a path: lines decoded on several threads, applied in file order.</summary>
public sealed class OrderedLineDecoderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Lines_applied_through_a_count_no_longer_need_their_array(int threads)
    {
        var text = new StringBuilder();
        text.Append(Conversation.HeaderLine());
        for (int i = 0; i < 3000; i++)
        {
            text.Append(i % 5 == 0
                ? "{\"type\":\"checkpoint\",\"n\":" + i + "}\n"
                : Conversation.EntryLine(Message.UserText("line " + i)));
        }

        byte[] bytes = Conversation.Utf8(text.ToString());
        var options = new SessionReadOptions { MaxDecodeThreads = threads };
        var repairer = new TailRepairer(options);
        using var splitter = new LineSplitter(options);
        using var decoder = new OrderedLineDecoder(repairer, threads, kept: false);

        byte[] array = (byte[])bytes.Clone();
        Assert.Equal(array.Length, decoder.Split(splitter, array, 0, array.Length, isCompleted: false));
        Assert.Equal(3001, decoder.LinesSplit);
        decoder.ApplyThrough(decoder.LinesSplit);
        Assert.Equal(3001, repairer.LineCount);

        // Written over once applied: what was read must not change.
        array.AsSpan().Fill((byte)'x');
        decoder.Split(splitter, [], 0, 0, isCompleted: true);
        repairer.Complete();

        using var stream = new MemoryStream(bytes);
        SessionReadResult expected = await SessionReader.ReadMessagesAsync(stream);
        Assert.Equal(expected.Messages, repairer.Ready);
        Assert.Equal(expected.Summary.UnknownEntries, repairer.Summary.UnknownEntries);
        Assert.Equal(600, repairer.Summary.UnknownEntries.Count);
    }

    [Fact]
    public void A_failure_while_lines_are_still_decoding_stops_the_helpers()
    {
        // A torn line mid-file is refused when the line after it is applied, with the ring full and
        // later lines still decoding: that error, and nothing applied after it, and no hang.
        var text = new StringBuilder();
        text.Append(Conversation.HeaderLine());
        for (int i = 0; i < 4000; i++)
        {
            text.Append(i == 1000 ? "{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"role\":\n" : Conversation.EntryLine(Message.UserText("line " + i)));
        }

        byte[] bytes = Conversation.Utf8(text.ToString());
        var options = new SessionReadOptions { MaxDecodeThreads = 2 };
        var repairer = new TailRepairer(options);
        using var splitter = new LineSplitter(options);
        var decoder = new OrderedLineDecoder(repairer, 2, kept: true);
        Assert.Throws<SessionFormatException>(() =>
        {
            decoder.Split(splitter, bytes, 0, bytes.Length, isCompleted: false);
            decoder.Split(splitter, bytes, bytes.Length, 0, isCompleted: true);
        });

        // Disposing waits for the helpers; a second dispose finds none.
        decoder.Dispose();
        decoder.Dispose();
        Assert.Equal(1003, repairer.LineCount);
    }
}

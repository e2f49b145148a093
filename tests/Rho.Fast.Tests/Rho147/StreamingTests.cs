using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Rho.Fast.Tests.Rho147;

/// <summary>Streaming stays bounded: a file whose history is only known at its end is read whole or refused, never streamed wrong.</summary>
public sealed class StreamingTests
{
    [Theory]
    [MemberData(nameof(Rho147Files.Sessions), MemberType = typeof(Rho147Files))]
    public async Task A_stream_gives_the_model_history_or_refuses_before_going_wrong(string name)
    {
        string path = Rho147Files.PathOf(name);
        SessionHistories histories = SessionReader.ReadHistories(path);
        var streamed = new List<Message>();
        try
        {
            await foreach (Message message in SessionReader.StreamMessagesAsync(path))
            {
                streamed.Add(message);
            }
        }
        catch (UnsupportedSessionFormatException e)
        {
            // A legacy record after messages already handed out (or counted and let go).
            Assert.Contains("ReadHistories", e.Message);
            Assert.True(histories.Summary.FormatVersion < 4, name);
            return;
        }

        Assert.Equal(histories.Model.Count, streamed.Count);
    }

    [Fact]
    public async Task A_compaction_after_streamed_messages_is_refused_with_its_line()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("s.jsonl");
        File.WriteAllText(path, Conversation.HeaderLine() + Conversation.EntryLine(Message.UserText("a"))
            + "{\"type\":\"replace_history\",\"timestamp\":\"2\",\"messages\":[{\"User\":[{\"Text\":\"summary\"}]}]}\n");

        var error = await Assert.ThrowsAsync<UnsupportedSessionFormatException>(async () =>
        {
            await foreach (Message _ in SessionReader.StreamMessagesAsync(path))
            {
            }
        });
        Assert.Equal(3, error.LineNumber);
        Assert.Equal([Message.UserText("summary")], SessionReader.ReadMessages(path).Messages);
    }
}

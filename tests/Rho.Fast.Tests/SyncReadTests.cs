using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>The synchronous read gives exactly what the asynchronous one gives, errors included.</summary>
public sealed class SyncReadTests
{
    public static IEnumerable<object[]> Files() => Vectors.SessionFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Reading_synchronously_matches_the_asynchronous_read(string name)
    {
        string path = Vectors.PathOf(name);
        SessionReadResult? expected = null;
        System.Exception? expectedError = await Record.ExceptionAsync(async () => expected = await SessionReader.ReadMessagesAsync(path));
        SessionReadResult? actual = null;
        System.Exception? actualError = Record.Exception(() => actual = SessionReader.ReadMessages(path));

        Assert.Equal(expectedError?.GetType(), actualError?.GetType());
        Assert.Equal(expectedError?.Message, actualError?.Message);
        if (expected is not null)
        {
            Assert.Equal(expected.Messages, actual!.Messages);
            Assert.Equal(expected.Summary.ValidLength, actual.Summary.ValidLength);
            Assert.Equal(expected.Summary.LineCount, actual.Summary.LineCount);
            Assert.Equal(expected.Summary.TornTail, actual.Summary.TornTail);
        }
    }

    [Fact]
    public void A_line_longer_than_the_buffer_is_read_whole()
    {
        using var dir = new TempDirectory();
        string path = dir.Combine("long.jsonl");
        string text = new('x', 1 << 20);
        File.WriteAllText(path, Conversation.HeaderLine() + Conversation.EntryLine(Message.UserText(text)) + Conversation.EntryLine(Message.UserText("after")));

        SessionReadResult read = SessionReader.ReadMessages(path);

        Assert.Equal([Message.UserText(text), Message.UserText("after")], read.Messages);
    }
}

using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests.Rho147;

/// <summary>Every session rho 1.47 wrote gives exactly the model and display histories rho's own reader rebuilds.</summary>
public sealed class HistoryFixtureTests
{
    [Theory]
    [MemberData(nameof(Rho147Files.Sessions), MemberType = typeof(Rho147Files))]
    public void The_model_history_is_rhos(string name)
    {
        SessionHistories histories = SessionReader.ReadHistories(Rho147Files.PathOf(name));
        AssertLines(File.ReadAllLines(Rho147Files.Expected(name, "model")), histories.Model);
    }

    [Theory]
    [MemberData(nameof(Rho147Files.Sessions), MemberType = typeof(Rho147Files))]
    public void The_display_history_is_rhos(string name)
    {
        SessionHistories histories = SessionReader.ReadHistories(Rho147Files.PathOf(name));
        AssertLines(File.ReadAllLines(Rho147Files.Expected(name, "display")), histories.Display);
    }

    [Theory]
    [MemberData(nameof(Rho147Files.Sessions), MemberType = typeof(Rho147Files))]
    public async Task The_async_read_gives_the_same_histories(string name)
    {
        SessionHistories sync = SessionReader.ReadHistories(Rho147Files.PathOf(name));
        await using FileStream file = File.OpenRead(Rho147Files.PathOf(name));
        SessionHistories async = await SessionReader.ReadHistoriesAsync(file, null, default);
        Assert.Equal(sync.Model, async.Model);
        Assert.Equal(sync.Display, async.Display);
        Assert.Equal(sync.Tree.Nodes, async.Tree.Nodes);
        SessionHistories byPath = await SessionReader.ReadHistoriesAsync(Rho147Files.PathOf(name));
        Assert.Equal(sync.Display, byPath.Display);
    }

    [Theory]
    [MemberData(nameof(Rho147Files.Sessions), MemberType = typeof(Rho147Files))]
    public void Read_messages_gives_the_model_history(string name)
    {
        SessionHistories histories = SessionReader.ReadHistories(Rho147Files.PathOf(name));
        SessionReadResult read = SessionReader.ReadMessages(Rho147Files.PathOf(name));
        Assert.Equal(histories.Model.Count, read.Messages.Count);
    }

    private static void AssertLines(string[] expected, IReadOnlyList<Message> actual)
    {
        var written = new List<string>(actual.Count);
        foreach (Message message in actual)
        {
            written.Add(Wire.Serialize(message));
        }

        Assert.Equal(expected, written);
    }
}

using System.IO;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests.Rho147;

/// <summary>A session Rho.Fast writes (format v1) reads under rho 1.47's rules to the history Rho.Fast resumes with.</summary>
public sealed class WrittenSessionTests
{
    [Fact]
    public void A_written_crashed_and_resumed_session_reads_the_same_under_rho_1_47s_rules()
    {
        using var root = new TempDirectory();
        var store = new SessionStore(root.Path);
        const string Cwd = "/home/u/proj";
        string id;
        string path;
        using (Session session = store.Create(Cwd))
        {
            id = session.Id;
            path = session.Path;
            session.Append(Message.SystemText("be terse"));
            session.Append(Message.UserText("list the files"));
            session.Append(new Message.Assistant([new ContentBlock.Text("looking"), new ContentBlock.ToolCall(new ToolInvocation("c1", "ls", RawJson.Parse("{\"path\":\".\",\"depth\":1.5}")))]));
        }

        // A crash inside the tool turn, half a line torn.
        File.AppendAllText(path, "{\"type\":\"message\",\"timest");
        using (ResumedSession resumed = store.Resume(Cwd, id))
        {
            Assert.True(resumed.Session.CanAppend);
            resumed.Session.Append(Message.UserText("and now?"));
        }

        SessionReadResult ours = SessionReader.ReadMessages(path);
        SessionHistories rho = SessionReader.ReadHistories(path);
        Assert.False(rho.Summary.IsReadOnlyFormat);
        Assert.Equal(5, ours.Messages.Count);
        Assert.Equal(ours.Messages, rho.Model);
        Assert.Equal(ours.Messages, rho.Display);
        Assert.Equal(0, rho.ModelMessagesCut);

        // The tree rho 1.47 builds: one legacy node per message, the last one active.
        Assert.Equal(5, rho.Tree.Nodes.Count);
        Assert.All(rho.Tree.Nodes, node => Assert.True(node.IsLegacy && node.IsOnActiveBranch));
        Assert.Equal(rho.Tree.Nodes[^1].Id, rho.Tree.ActiveLeafId);
        Assert.StartsWith("legacy:", rho.Tree.ActiveLeafId);
        Assert.Equal("{\"ToolResult\":{\"id\":\"c1\",\"ok\":false,\"content\":\"tool call interrupted before completion\"}}", Wire.Serialize(rho.Model[3]));
    }
}

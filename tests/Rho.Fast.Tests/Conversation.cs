using System.Text;
using Rho.Fast.Serialization;

namespace Rho.Fast.Tests;

/// <summary>Small messages for tests.</summary>
internal static class Conversation
{
    public static Message ToolCalls(params string[] ids)
    {
        var blocks = new ContentBlock[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            blocks[i] = new ContentBlock.ToolCall(new ToolInvocation(ids[i], "bash", RawJson.Parse("{\"command\":\"echo hi\"}")));
        }

        return new Message.Assistant(blocks);
    }

    public static Message Result(string id) => Message.ToolResultFor(id, true, "hi\n");

    public static string EntryLine(Message message, string timestamp = "1") =>
        Wire.Serialize(new SessionEntry.MessageEntry(timestamp, message)) + "\n";

    public static string HeaderLine(string id = "00000000-0000-4000-8000-000000000000", string timestamp = "0", string cwd = "/tmp/x") =>
        Wire.Serialize(new SessionEntry.Header(1, id, timestamp, cwd)) + "\n";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

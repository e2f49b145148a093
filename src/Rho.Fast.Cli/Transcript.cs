using System.Collections.Generic;
using System.IO;

namespace Rho.Fast.Cli;

/// <summary>A session as readable text: one block per message, with its role.</summary>
internal static class Transcript
{
    public static void Write(TextWriter output, IReadOnlyList<Message> messages)
    {
        foreach (Message message in messages)
        {
            switch (message)
            {
                case Message.System system:
                    output.WriteLine("system: " + system.Text);
                    break;
                case Message.User user:
                    WriteBlocks(output, "user", user.Content);
                    break;
                case Message.Assistant assistant:
                    WriteBlocks(output, "assistant", assistant.Content);
                    break;
                case Message.ToolResult result:
                    output.WriteLine("tool result " + result.Result.Id + " (" + (result.Result.Ok ? "ok" : "failed") + "): " + result.Result.Content);
                    break;
            }

            output.WriteLine();
        }
    }

    private static void WriteBlocks(TextWriter output, string role, IReadOnlyList<ContentBlock> blocks)
    {
        foreach (ContentBlock block in blocks)
        {
            switch (block)
            {
                case ContentBlock.Text text:
                    output.WriteLine(role + ": " + text.Value);
                    break;
                case ContentBlock.ToolCall call:
                    output.WriteLine(role + " calls " + call.Call.Name + " [" + call.Call.Id + "] " + call.Call.Arguments);
                    break;
            }
        }
    }
}

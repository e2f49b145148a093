using System.Linq;
using Rho.Fast.Serialization;

namespace Rho.Fast.Tests.Export;

/// <summary>Messages whose text would break a page or a transcript that did not escape it.</summary>
internal static class ExportSamples
{
    public const string Nasty = "</script><script>alert(1)</script> <!-- & \"quotes\" 'single' <b>bold</b> \u2028\u2029 🎉 \0 \u001b[31m ]]> </pre></details></article>";

    public static SessionEntry.Header Header { get; } = new(1, "0badc0de-0000-4000-8000-000000000001", "1757000000", "/work/<project> & \"co\"");

    public static Message[] Messages(int longOutputLines = 200) =>
    [
        Message.SystemText("You are a <careful> assistant."),
        Message.UserText(Nasty),
        new Message.Assistant(
        [
            new ContentBlock.Text("Let me look ``` at it."),
            new ContentBlock.ToolCall(new ToolInvocation("call_1", "bash<x>", RawJson.Parse("{\"command\":\"cat </script> && echo \\\"done\\\"\",\"n\":[1,2.50,{}]}"))),
        ]),
        Message.ToolResultFor("call_1", true, "\nstarts with a newline\n" + Nasty),
        new Message.Assistant([new ContentBlock.ToolCall(new ToolInvocation("call_2", "read_file", RawJson.Parse("{\"path\":\"big.log\"}")))]),
        Message.ToolResultFor("call_2", false, string.Join('\n', Enumerable.Range(1, longOutputLines).Select(i => "line " + i + " ````"))),
        Message.AssistantText("Done."),
    ];
}

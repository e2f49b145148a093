using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>A message prints as people read it, not as a record of lists.</summary>
public sealed class MessageTextTests
{
    [Fact]
    public void Each_kind_prints_its_text_and_tool_calls()
    {
        Assert.Equal("User: list the files", Message.UserText("list the files").ToString());
        Assert.Equal("System: be terse", Message.SystemText("be terse").ToString());
        Assert.Equal(
            "Assistant: looking [tool call bash c1]",
            new Message.Assistant([new ContentBlock.Text("looking"), new ContentBlock.ToolCall(new ToolInvocation("c1", "bash", RawJson.Parse("{}")))]).ToString());
        Assert.Equal("ToolResult c1 (failed): no such file", Message.ToolResultFor("c1", false, "no such file").ToString());
        Assert.DoesNotContain("List`1", Message.UserText("x").ToString());
    }
}

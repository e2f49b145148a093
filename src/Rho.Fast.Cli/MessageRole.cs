namespace Rho.Fast.Cli;

/// <summary>A message's kind as one word, the same in every command's output.</summary>
internal static class MessageRole
{
    public static string Of(Message message) => message switch
    {
        Message.SystemPrompt => "system",
        Message.User => "user",
        Message.Assistant => "assistant",
        Message.ToolResult => "tool_result",
        _ => "message",
    };
}

using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>Converts Rho.Fast entries to the System.Text.Json peer model, so both serialize the same data.</summary>
public static class StjModelMapping
{
    private static readonly JsonDocumentOptions DeepDocuments = new() { MaxDepth = 128 };

    /// <summary>The peer-model equivalent of <paramref name="entry"/>.</summary>
    public static StjEntry ToPeer(SessionEntry entry) => entry switch
    {
        SessionEntry.Header header => new StjSessionHeader(header.Version, header.Id, header.Timestamp, header.Cwd),
        SessionEntry.MessageEntry message => new StjMessageEntry(message.Timestamp, ToPeer(message.Body)),
        _ => throw new ArgumentException("Unknown entry " + entry.GetType().Name, nameof(entry)),
    };

    private static StjMessage ToPeer(Message message) => message switch
    {
        Message.SystemPrompt system => new StjMessage.System(system.Text.ToString()),
        Message.User user => new StjMessage.User(ToPeer(user.Content)),
        Message.Assistant assistant => new StjMessage.Assistant(ToPeer(assistant.Content)),
        Message.ToolResult result => new StjMessage.ToolResult(new StjToolResult(result.Result.Id, result.Result.Ok, result.Result.Content.ToString())),
        _ => throw new ArgumentException("Unknown message " + message.GetType().Name, nameof(message)),
    };

    private static List<StjContentBlock> ToPeer(IReadOnlyList<ContentBlock> blocks)
    {
        var list = new List<StjContentBlock>(blocks.Count);
        foreach (ContentBlock block in blocks)
        {
            list.Add(block switch
            {
                ContentBlock.Text text => new StjContentBlock.Text(text.Value.ToString()),
                ContentBlock.ToolCall { Call: var call } => new StjContentBlock.ToolCall(
                    new StjToolCall(call.Id, call.Name, JsonDocument.Parse(call.Arguments.Utf8, DeepDocuments).RootElement)),
                _ => throw new ArgumentException("Unknown block " + block.GetType().Name, nameof(blocks)),
            });
        }

        return list;
    }
}

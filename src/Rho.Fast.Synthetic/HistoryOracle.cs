using System.Collections.Generic;
using System.Globalization;

namespace Rho.Fast.Synthetic;

/// <summary>
/// The histories rho 1.47 resumes a generated session with, from the generator's own nodes
/// (docs/FORMAT-V4.md §2.7–§2.8), written apart from the library's reader so the two check each other.
/// </summary>
internal static class HistoryOracle
{
    public static SyntheticHistories Of(TreeNode? leaf)
    {
        if (leaf is null)
        {
            return new SyntheticHistories([], [], null);
        }

        var path = new List<TreeNode>();
        for (TreeNode? node = leaf; node is not null; node = node.Parent)
        {
            path.Add(node);
        }

        path.Reverse();
        var display = new List<Message>();
        foreach (TreeNode node in path)
        {
            display.AddRange(node.Display);
            if (node.Kind == NodeKind.Compaction)
            {
                display.Add(Notice(node));
            }
        }

        return new SyntheticHistories(Answered(leaf.Model), Answered(display), leaf.Id);
    }

    /// <summary>
    /// The list up to the first assistant message (plain or enriched) whose tool calls are not
    /// answered by the messages right after it, one result per call in order.
    /// </summary>
    public static List<Message> Answered(IReadOnlyList<Message> messages)
    {
        var kept = new List<Message>(messages.Count);
        int i = 0;
        while (i < messages.Count)
        {
            List<string> ids = CallIds(messages[i]);
            for (int k = 0; k < ids.Count; k++)
            {
                if (i + 1 + k >= messages.Count || messages[i + 1 + k] is not Message.ToolResult { Result.Id: var id } || id != ids[k])
                {
                    return kept;
                }
            }

            for (int k = 0; k <= ids.Count; k++)
            {
                kept.Add(messages[i + k]);
            }

            i += 1 + ids.Count;
        }

        return kept;
    }

    private static List<string> CallIds(Message message)
    {
        IReadOnlyList<ContentBlock> content = message switch
        {
            Message.Assistant assistant => assistant.Content,
            Message.EnrichedAssistant enriched => enriched.Content,
            _ => [],
        };
        var ids = new List<string>();
        foreach (ContentBlock block in content)
        {
            if (block is ContentBlock.ToolCall { Call.Id: var id })
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>rho's notice after a compaction node, from its facts (every compaction the generator writes has them).</summary>
    private static Message Notice(TreeNode node)
    {
        string text = "◆ Compacted context";
        if (node.Facts is { } facts)
        {
            text += "\n" + facts.PreviousMessages + " → " + facts.CurrentMessages + " messages"
                + "\n" + facts.PreviousTokens + " → " + facts.CurrentTokens + " estimated tokens";
            if (facts.CostUsdMicros is ulong micros)
            {
                // rho prints the dollars as an f64 with six decimals.
                text += "\n$" + (micros / 1_000_000.0).ToString("F6", CultureInfo.InvariantCulture) + " compaction cost";
            }
        }
        else if (node.State.Compaction is { LastPreviousTokens: ulong before, LastCurrentTokens: ulong after })
        {
            text += "\n" + before + " → " + after + " estimated tokens";
        }

        return Message.AssistantText(text);
    }
}

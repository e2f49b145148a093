using System.Collections.Generic;
using System.Linq;

namespace Rho.Fast.Tests;

/// <summary>The reference's <c>drop_incomplete_tool_turn_tail</c>, written as plainly as the seed, to compare against.</summary>
internal static class ReferenceRepair
{
    public static List<Message> Apply(List<Message> messages)
    {
        int index = 0;
        while (index < messages.Count)
        {
            if (messages[index] is not Message.Assistant assistant)
            {
                index++;
                continue;
            }

            List<string> ids = assistant.Content.OfType<ContentBlock.ToolCall>().Select(c => c.Call.Id).ToList();
            if (ids.Count == 0)
            {
                index++;
                continue;
            }

            int start = index + 1;
            int end = start + ids.Count;
            if (end > messages.Count)
            {
                return messages.Take(index).ToList();
            }

            for (int i = 0; i < ids.Count; i++)
            {
                if (messages[start + i] is not Message.ToolResult result || result.Result.Id != ids[i])
                {
                    return messages.Take(index).ToList();
                }
            }

            index = end;
        }

        return messages;
    }
}

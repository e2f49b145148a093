using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>
/// rho's rule for unanswered tool turns: an assistant message with tool calls must be followed at
/// once by one result per call, in order; at the first that is not, the history ends before it.
/// </summary>
internal static class ToolTurns
{
    /// <summary>How many messages of <paramref name="messages"/> rho keeps.</summary>
    public static int AnsweredLength<TList>(TList messages, int count, System.Func<TList, int, Message> at)
    {
        int i = 0;
        while (i < count)
        {
            IReadOnlyList<ContentBlock>? content = at(messages, i) switch
            {
                Message.Assistant assistant => assistant.Content,
                Message.EnrichedAssistant enriched => enriched.Content,
                _ => null,
            };

            int calls = 0;
            if (content is not null)
            {
                for (int b = 0; b < content.Count; b++)
                {
                    if (content[b] is ContentBlock.ToolCall { Call.Id: var id })
                    {
                        calls++;
                        int answer = i + calls;
                        if (answer >= count || at(messages, answer) is not Message.ToolResult { Result.Id: var answered } || answered != id)
                        {
                            return i;
                        }
                    }
                }
            }

            i += 1 + calls;
        }

        return count;
    }

    public static int AnsweredLength(IReadOnlyList<Message> messages) =>
        AnsweredLength(messages, messages.Count, static (list, i) => list[i]);

    public static int AnsweredLength(HistoryView<Message> messages) =>
        AnsweredLength(messages, messages.Count, static (view, i) => view[i]);
}

using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// A message as rho 1.47 writes it after reading it: free JSON values (tool call arguments,
/// provider context data) in <see cref="RhoValueForm"/>. The same instance comes back when nothing
/// changes, which is almost always.
/// </summary>
internal static class RhoMessageForm
{
    public static List<Message> Canonical(List<Message> messages)
    {
        for (int i = 0; i < messages.Count; i++)
        {
            messages[i] = Canonical(messages[i]);
        }

        return messages;
    }

    public static Message Canonical(Message message)
    {
        switch (message)
        {
            case Message.User user:
                IReadOnlyList<ContentBlock> userBlocks = Blocks(user.Content);
                return ReferenceEquals(userBlocks, user.Content) ? message : new Message.User(userBlocks);
            case Message.Assistant assistant:
                IReadOnlyList<ContentBlock> blocks = Blocks(assistant.Content);
                return ReferenceEquals(blocks, assistant.Content) ? message : new Message.Assistant(blocks);
            case Message.EnrichedAssistant enriched:
                IReadOnlyList<ContentBlock> enrichedBlocks = Blocks(enriched.Content);
                IReadOnlyList<ProviderContextBlock> context = Context(enriched.ProviderContext);
                return ReferenceEquals(enrichedBlocks, enriched.Content) && ReferenceEquals(context, enriched.ProviderContext)
                    ? message
                    : enriched with { Content = enrichedBlocks, ProviderContext = context };
            case Message.AbortedAssistant aborted:
                IReadOnlyList<ContentBlock> abortedBlocks = Blocks(aborted.Content);
                IReadOnlyList<ProviderContextBlock> abortedContext = Context(aborted.ProviderContext);
                return ReferenceEquals(abortedBlocks, aborted.Content) && ReferenceEquals(abortedContext, aborted.ProviderContext)
                    ? message
                    : aborted with { Content = abortedBlocks, ProviderContext = abortedContext };
            default:
                return message;
        }
    }

    private static IReadOnlyList<ContentBlock> Blocks(IReadOnlyList<ContentBlock> blocks)
    {
        List<ContentBlock>? copy = null;
        for (int i = 0; i < blocks.Count; i++)
        {
            ContentBlock block = blocks[i];
            if (block is ContentBlock.ToolCall { Call: var call })
            {
                RawJson arguments = RhoValueForm.Canonical(call.Arguments);
                if (!arguments.Equals(call.Arguments))
                {
                    copy ??= new List<ContentBlock>(blocks);
                    copy[i] = new ContentBlock.ToolCall(call with { Arguments = arguments });
                }
            }
        }

        return copy ?? blocks;
    }

    private static IReadOnlyList<ProviderContextBlock> Context(IReadOnlyList<ProviderContextBlock> blocks)
    {
        List<ProviderContextBlock>? copy = null;
        for (int i = 0; i < blocks.Count; i++)
        {
            RawJson data = RhoValueForm.Canonical(blocks[i].Data);
            if (!data.Equals(blocks[i].Data))
            {
                copy ??= new List<ProviderContextBlock>(blocks);
                copy[i] = blocks[i] with { Data = data };
            }
        }

        return copy ?? blocks;
    }
}

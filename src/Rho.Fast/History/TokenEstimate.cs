using System;
using System.Collections.Generic;
using System.Text;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// rho's estimate of a history's size in tokens (a quarter of the characters, per part, rounded
/// up), which a format-1 <c>replace_history</c> records in the compaction state it makes.
/// </summary>
internal static class TokenEstimate
{
    public static ulong Of(HistoryView<Message> messages)
    {
        ulong total = 0;
        for (int i = 0; i < messages.Count; i++)
        {
            total += Of(messages[i]);
        }

        return total;
    }

    public static ulong Of(IReadOnlyList<Message> messages)
    {
        ulong total = 0;
        for (int i = 0; i < messages.Count; i++)
        {
            total += Of(messages[i]);
        }

        return total;
    }

    public static ulong Of(Message message) => message switch
    {
        Message.SystemPrompt system => 4 + Text(system.Text),
        Message.User user => 4 + Blocks(user.Content),
        Message.Assistant assistant => 4 + Blocks(assistant.Content),
        Message.EnrichedAssistant enriched => 4 + Blocks(enriched.Content) + Math.Max(
            Text(enriched.ReasoningSummary) + FallbackText(enriched.ProviderContext),
            Replay(enriched.ProviderContext, skipFallback: true)),
        Message.AbortedAssistant aborted => 4 + Blocks(aborted.Content) + Math.Max(
            Text(aborted.ReasoningSummary),
            Replay(aborted.ProviderContext, skipFallback: false)),
        Message.ToolResult result => 6 + Json(Wire.SerializeToUtf8Bytes(result.Result)),
        // Not a message rho knows: counted by its text, the nearest rho's rule allows.
        Message.Unrecognized unrecognized => 4 + Json(RhoValueForm.CharCount(unrecognized.Json)),
        _ => 0,
    };

    private static ulong Blocks(IReadOnlyList<ContentBlock> blocks)
    {
        ulong total = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            total += blocks[i] switch
            {
                ContentBlock.Text text => 1 + Text(text.Value),
                ContentBlock.Image image => 1 + 85 + Ceiling((ulong)Encoding.UTF8.GetByteCount(image.Data.ToString()), 4096),
                ContentBlock.ToolCall call => 1 + 8 + Json(Wire.SerializeToUtf8Bytes(Canonical(call.Call))),
                ContentBlock.Unrecognized unrecognized => 1 + Json(RhoValueForm.CharCount(unrecognized.Json)),
                _ => 0,
            };
        }

        return total;
    }

    private static ToolInvocation Canonical(ToolInvocation call)
    {
        RawJson arguments = RhoValueForm.Canonical(call.Arguments);
        return arguments.Utf8.Span == call.Arguments.Utf8.Span ? call : call with { Arguments = arguments };
    }

    private static ulong FallbackText(IReadOnlyList<ProviderContextBlock> blocks)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsPortableFallback)
            {
                return Text(Wire.Deserialize<Utf8Text>(blocks[i].Data.Utf8.Span));
            }
        }

        return 0;
    }

    private static ulong Replay(IReadOnlyList<ProviderContextBlock> blocks, bool skipFallback)
    {
        ulong total = 0;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (!(skipFallback && blocks[i].IsPortableFallback))
            {
                total += Json(RhoValueForm.CharCount(blocks[i].Data));
            }
        }

        return total;
    }

    private static ulong Text(Utf8Text text) => Text(text.ToString());

    private static ulong Text(string? text) => text is null ? 0 : Ceiling((ulong)CountScalars(text), 4);

    private static ulong Json(byte[] utf8) => Ceiling((ulong)CountScalars(utf8), 4);

    private static ulong Json(long chars) => Ceiling((ulong)chars, 4);

    private static ulong Ceiling(ulong value, ulong by) => (value + by - 1) / by;

    private static int CountScalars(string text)
    {
        int count = 0;
        foreach (Rune _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    // Every byte but a UTF-8 continuation byte starts a scalar value.
    private static int CountScalars(ReadOnlySpan<byte> utf8) => utf8.Length - CountContinuations(utf8);

    private static int CountContinuations(ReadOnlySpan<byte> utf8)
    {
        int count = 0;
        foreach (byte b in utf8)
        {
            if ((b & 0xC0) == 0x80)
            {
                count++;
            }
        }

        return count;
    }
}

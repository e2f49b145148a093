using System;
using System.Collections.Generic;
using System.Globalization;
using Rho.Fast.Serialization;

namespace Rho.Fast.CrashWorker;

/// <summary>
/// The entries of the concurrent-append workers, labelled so a reader can tell whose each one is
/// and where it belongs in that worker's order.
/// </summary>
public static class WorkerLabels
{
    /// <summary>"w&lt;worker&gt;:&lt;sequence&gt;", then a space and <paramref name="padding"/> filler characters if any.</summary>
    public static string Label(int worker, int sequence, int padding = 0) =>
        "w" + worker.ToString(CultureInfo.InvariantCulture) + ":" + sequence.ToString(CultureInfo.InvariantCulture)
        + (padding > 0 ? " " + new string('.', padding) : "");

    /// <summary>An assistant message labelled in its text with two calls, and their two results.</summary>
    public static IReadOnlyList<Message> ToolTurn(int worker, int sequence, int padding = 0)
    {
        string id = Label(worker, sequence);
        return
        [
            new Message.Assistant(
            [
                new ContentBlock.Text(Label(worker, sequence, padding)),
                new ContentBlock.ToolCall(new ToolInvocation(id + "/a", "bash", RawJson.Parse("{\"command\":\"ls\"}"))),
                new ContentBlock.ToolCall(new ToolInvocation(id + "/b", "read_file", RawJson.Parse("{\"path\":\"a.txt\"}"))),
            ]),
            Message.ToolResultFor(id + "/a", true, "a.txt\n"),
            Message.ToolResultFor(id + "/b", false, "no such file"),
        ];
    }

    /// <summary>The label of an entry a worker wrote, or <see langword="null"/> for a tool result.</summary>
    public static string? LabelOf(Message message) => message switch
    {
        Message.User { Content: [ContentBlock.Text { Value: var text }] } => text.ToString(),
        Message.Assistant { Content: [ContentBlock.Text { Value: var text }, ..] } => text.ToString(),
        _ => null,
    };

    /// <summary>Splits a label into its worker and sequence number.</summary>
    public static (int Worker, int Sequence) Parse(string label)
    {
        int colon = label.IndexOf(':');
        int space = label.IndexOf(' ');
        int end = space < 0 ? label.Length : space;
        return (int.Parse(label.AsSpan(1, colon - 1), CultureInfo.InvariantCulture), int.Parse(label.AsSpan(colon + 1, end - colon - 1), CultureInfo.InvariantCulture));
    }
}

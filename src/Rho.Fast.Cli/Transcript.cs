using System.Collections.Generic;
using System.IO;

namespace Rho.Fast.Cli;

/// <summary>
/// A session as readable text: a line for the session, then each message under a rule naming its
/// number and role; tool calls with their arguments, results with the call they answer and ok or
/// FAILED; at the end, what the reader's repair left out.
/// </summary>
internal sealed class Transcript(TextWriter output, Style style)
{
    // Tool results name the call they answer; the call's tool name makes that readable.
    private readonly Dictionary<string, string> _toolNames = new();

    public void Write(SessionReadResult read)
    {
        if (read.Summary.Header is { } header)
        {
            WriteHeader(header);
        }

        for (int i = 0; i < read.Messages.Count; i++)
        {
            WriteMessage(i + 1, read.Messages[i]);
        }

        if (read.Messages.Count == 0)
        {
            output.WriteLine(style.Dim("(no messages)"));
        }

        WriteRepairs(read.Summary);
    }

    /// <summary>The session's line, then a blank line.</summary>
    public void WriteHeader(SessionEntry.Header header)
    {
        output.WriteLine(style.Dim("session " + Printable.Line(header.Id) + "  started " + Formats.UnixSeconds(header.Timestamp) + "  in " + Printable.Line(header.Cwd)));
        output.WriteLine();
    }

    /// <summary>Message <paramref name="number"/> (1-based) under its rule, then a blank line.</summary>
    public void WriteMessage(int number, Message message)
    {
        WriteBody(number, message);
        output.WriteLine();
    }

    private void WriteBody(int number, Message message)
    {
        string label = style.Bold("#" + number) + " ";
        switch (message)
        {
            case Message.SystemPrompt system:
                Rule(label + style.Magenta("system"));
                WriteText(system.Text.ToString());
                break;
            case Message.User user:
                Rule(label + style.Green("user"));
                WriteBlocks(user.Content);
                break;
            case Message.Assistant assistant:
                Rule(label + style.Cyan("assistant"));
                WriteBlocks(assistant.Content);
                break;
            case Message.EnrichedAssistant enriched:
                Rule(label + style.Cyan("assistant") + Provenance(enriched.Provenance));
                WriteReasoning(enriched.ReasoningSummary);
                WriteBlocks(enriched.Content);
                break;
            case Message.AbortedAssistant aborted:
                Rule(label + style.Cyan("assistant") + Provenance(aborted.Provenance) + " " + style.Red("aborted"));
                WriteReasoning(aborted.ReasoningSummary);
                WriteBlocks(aborted.Content);
                foreach (PartialToolCall partial in aborted.ToolCalls)
                {
                    output.WriteLine("▸ " + style.Yellow(Printable.Line(partial.Name ?? "?")) + " " + style.Dim("[" + Printable.Line(partial.Id ?? "no id") + "] never ran"));
                    if (partial.Arguments.Length > 0)
                    {
                        WriteText("    " + partial.Arguments);
                    }
                }

                break;
            case Message.Unrecognized unrecognized:
                Rule(label + style.Yellow("a message of a kind this version does not know"));
                WriteText(unrecognized.Json.ToString());
                break;
            case Message.ToolResult { Result: var result }:
                string call = _toolNames.TryGetValue(result.Id, out string? name) && name.Length > 0 ? Printable.Line(name) + " " : "";
                string outcome = result.Ok ? style.Green("ok") : style.Red("FAILED");
                Rule(label + "result of " + call + style.Dim("[" + Printable.Line(result.Id) + "]") + ": " + outcome);
                WriteText(result.Content.ToString());
                break;
        }
    }

    private void WriteBlocks(IReadOnlyList<ContentBlock> blocks)
    {
        foreach (ContentBlock block in blocks)
        {
            switch (block)
            {
                case ContentBlock.Text text:
                    WriteText(text.Value.ToString());
                    break;
                case ContentBlock.ToolCall { Call: var call }:
                    _toolNames[call.Id] = call.Name;
                    output.WriteLine("▸ " + style.Yellow(Printable.Line(call.Name)) + " " + style.Dim("[" + Printable.Line(call.Id) + "]"));
                    ArgumentText.Write(output, call.Arguments, "    ", style);
                    break;
                case ContentBlock.Image image:
                    output.WriteLine(style.Dim("[image " + Printable.Line(image.MimeType) + ", " + Formats.Count(image.Data.ToString().Length * 3L / 4, "byte") + "]"));
                    break;
                case ContentBlock.Unrecognized unrecognized:
                    output.WriteLine(style.Dim("[a block of a kind this version does not know] ") + Printable.Line(unrecognized.Json.ToString()));
                    break;
            }
        }
    }

    private string Provenance(ModelIdentity? model) =>
        model is null ? "" : " " + style.Dim(Printable.Line(model.Provider + "/" + model.Model));

    private void WriteReasoning(string? summary)
    {
        if (!string.IsNullOrEmpty(summary))
        {
            output.WriteLine(style.Dim("(reasoning) " + Printable.Line(summary)));
        }
    }

    private void WriteText(string text)
    {
        string printable = Printable.Text(text);
        output.WriteLine(printable.EndsWith('\n') ? printable[..^1] : printable);
    }

    private void Rule(string title) => output.WriteLine(style.Bold("──") + " " + title + " " + style.Bold("──"));

    private void WriteRepairs(SessionReadSummary summary)
    {
        if (summary.TornTail is { } torn)
        {
            output.WriteLine(style.Yellow("torn last line " + torn.LineNumber + " (byte offset " + torn.ByteOffset + ") ignored: " + torn.Reason));
        }

        if (summary.DroppedTurn is { } turn)
        {
            output.WriteLine(style.Yellow(
                "unanswered tool turn at line " + turn.LineNumber + " (byte offset " + turn.ByteOffset + ") left out with what follows it: "
                + Formats.Count(summary.DroppedMessageCount, "message")));
        }
        else if (summary.DroppedMessageCount > 0)
        {
            output.WriteLine(style.Yellow("an unanswered tool turn left out with what follows it: " + Formats.Count(summary.DroppedMessageCount, "message")));
        }

        foreach (SessionLineIssue unknown in summary.UnknownEntries)
        {
            output.WriteLine(style.Yellow("line " + unknown.LineNumber + " (byte offset " + unknown.ByteOffset + ") kept but not shown: " + unknown.Reason));
        }
    }
}

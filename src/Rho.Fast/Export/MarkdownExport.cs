using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Rho.Fast.Export;

/// <summary>
/// A session as a Markdown transcript: a heading per message, user and assistant text as written
/// (it is Markdown already), tool calls with their arguments and tool results in fenced blocks,
/// long ones folded in <c>&lt;details&gt;</c>. A fence is always longer than any run of backticks
/// in what it holds, so no text can end it early.
/// </summary>
internal sealed class MarkdownExport(TextWriter output, SessionExportOptions options)
{
    private Dictionary<string, string> _toolNames = new();

    public void Write(IReadOnlyList<Message> messages)
    {
        _toolNames = ExportText.ToolNames(messages);
        SessionEntry.Header? header = options.Header;
        output.Write(header is null ? "# Session\n\n" : "# Session " + Code(header.Id) + "\n\n");
        if (header is not null)
        {
            output.Write("- Started: " + ExportText.Time(header.Timestamp) + "\n");
            output.Write("- Directory: " + Code(header.Cwd) + "\n");
        }

        if (options.History is { } history)
        {
            output.Write("- History: " + Line(history) + "\n");
        }

        output.Write("- Messages: " + messages.Count.ToString("N0", CultureInfo.InvariantCulture) + "\n\n");
        for (int i = 0; i < messages.Count; i++)
        {
            WriteMessage(i + 1, messages[i]);
        }
    }

    private void WriteMessage(int number, Message message)
    {
        string heading = "## " + number.ToString(CultureInfo.InvariantCulture) + ". ";
        switch (message)
        {
            case Message.SystemPrompt system:
                output.Write(heading + "System\n\n");
                WriteFenced(system.Text.ToString(), "", "System prompt");
                break;
            case Message.User user:
                output.Write(heading + "User\n\n");
                WriteBlocks(user.Content);
                break;
            case Message.Assistant assistant:
                output.Write(heading + "Assistant\n\n");
                WriteBlocks(assistant.Content);
                break;
            case Message.EnrichedAssistant enriched:
                output.Write(heading + "Assistant" + (enriched.Provenance is { } model ? " (" + model.Provider + "/" + model.Model + ")" : "") + "\n\n");
                WriteReasoning(enriched.ReasoningSummary);
                WriteBlocks(enriched.Content);
                break;
            case Message.AbortedAssistant aborted:
                output.Write(heading + "Assistant (aborted)\n\n");
                WriteReasoning(aborted.ReasoningSummary);
                WriteBlocks(aborted.Content);
                foreach (PartialToolCall partial in aborted.ToolCalls)
                {
                    output.Write("**Tool call, never ran** " + Code(partial.Name ?? "?") + "\n\n");
                    WriteFenced(partial.Arguments, "", "Arguments");
                }

                break;
            case Message.Unrecognized { Json: var json }:
                output.Write(heading + "A message of a kind this version does not know\n\n");
                WriteFenced(json.ToString(), "json", "Raw JSON");
                break;
            case Message.ToolResult { Result: var result }:
                string tool = _toolNames.TryGetValue(result.Id, out string? name) ? " " + Code(name) : "";
                output.Write(heading + "Tool result" + tool + " (" + (result.Ok ? "ok" : "failed") + ")\n\n");
                output.Write("Answers " + Code(result.Id) + ".\n\n");
                WriteFenced(result.Content.ToString(), "", "Output");
                break;
        }
    }

    private void WriteReasoning(string? summary)
    {
        if (!string.IsNullOrEmpty(summary))
        {
            output.Write("*Reasoning:* " + summary.ReplaceLineEndings(" ") + "\n\n");
        }
    }

    private void WriteBlocks(IReadOnlyList<ContentBlock> blocks)
    {
        foreach (ContentBlock block in blocks)
        {
            switch (block)
            {
                case ContentBlock.Text { Value: var value }:
                    string text = value.ToString().TrimEnd('\n', '\r');
                    output.Write(text.Length == 0 ? "*(empty text)*\n\n" : text + "\n\n");
                    break;
                case ContentBlock.ToolCall { Call: var call }:
                    output.Write("**Tool call** " + Code(call.Name) + " " + Code(call.Id) + "\n\n");
                    WriteFenced(JsonIndent.Format(call.Arguments.Utf8.Span), "json", "Arguments");
                    break;
                case ContentBlock.Image image:
                    output.Write("*[image " + image.MimeType + ", " + ExportText.Measure(image.Data.ToString()) + " of base64]*\n\n");
                    break;
                case ContentBlock.Unrecognized { Json: var json }:
                    WriteFenced(json.ToString(), "json", "A block of a kind this version does not know");
                    break;
            }
        }

        if (blocks.Count == 0)
        {
            output.Write("*(no content)*\n\n");
        }
    }

    /// <summary>A fenced block, inside a <c>&lt;details&gt;</c> whose summary is <paramref name="label"/> and the size when the text is long.</summary>
    private void WriteFenced(string text, string language, string label)
    {
        bool fold = ExportText.IsLong(text, options);
        if (fold)
        {
            output.Write("<details>\n<summary>" + label + ": " + ExportText.Measure(text) + "</summary>\n\n");
        }

        string fence = new('`', int.Max(3, LongestBacktickRun(text) + 1));
        output.Write(fence + language + "\n");
        output.Write(text.Replace("\r\n", "\n", System.StringComparison.Ordinal));
        if (!text.EndsWith('\n'))
        {
            output.Write('\n');
        }

        output.Write(fence + "\n\n");
        if (fold)
        {
            output.Write("</details>\n\n");
        }
    }

    /// <summary>Inline code whose delimiters no backtick inside can close, on one line.</summary>
    private static string Code(string text)
    {
        string line = Line(text);
        string ticks = new('`', LongestBacktickRun(line) + 1);
        // A space keeps a leading or trailing backtick from joining the delimiter.
        string pad = line.StartsWith('`') || line.EndsWith('`') ? " " : "";
        return ticks + pad + line + pad + ticks;
    }

    /// <summary>Line breaks and other control characters as spaces, for text that must stay on one line.</summary>
    private static string Line(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = source[i] < ' ' || source[i] == '\u007F' ? ' ' : source[i];
            }
        });

    private static int LongestBacktickRun(string text)
    {
        int longest = 0;
        int run = 0;
        foreach (char c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = int.Max(longest, run);
        }

        return longest;
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Rho.Fast.Export;

/// <summary>
/// A session as one self-contained HTML page: inline CSS, no script, and a Content-Security-Policy
/// that lets the page load nothing from anywhere. Each message is an
/// <c>&lt;article class="message ROLE" data-index="I" data-role="ROLE"&gt;</c>; tool calls and tool
/// results are <c>&lt;details&gt;</c>, folded when long.
/// </summary>
internal sealed class HtmlExport(TextWriter output, SessionExportOptions options)
{
    // Long enough to recognize a folded output by its first line, short enough for one summary line.
    private const int PreviewLength = 100;

    private const string Style = """
        :root { color-scheme: light dark; --fg: #1f2328; --muted: #656d76; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de;
          --user: #0969da; --assistant: #8250df; --system: #9a6700; --ok: #1a7f37; --failed: #cf222e; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #8d96a0; --bg: #0d1117; --panel: #161b22; --line: #30363d;
          --user: #4493f8; --assistant: #ab7df8; --system: #d29922; --ok: #3fb950; --failed: #f85149; } }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
        header.session, main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
        header.session { border-bottom: 1px solid var(--line); }
        h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; color: var(--muted); }
        dd { margin: 0; overflow-wrap: anywhere; }
        code, pre { font: 13px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
        article.message { border-left: 3px solid var(--line); padding: .25rem 0 .25rem 1rem; margin: 1.25rem 0; }
        article.user { border-color: var(--user); }
        article.assistant { border-color: var(--assistant); }
        article.system { border-color: var(--system); }
        article.tool-result.ok { border-color: var(--ok); }
        article.tool-result.failed { border-color: var(--failed); }
        h2 { font-size: .85rem; font-weight: 600; margin: 0 0 .35rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        h2 a { color: inherit; text-decoration: none; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .35rem 0; }
        details { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; }
        summary { cursor: pointer; padding: .35rem .75rem; overflow-wrap: anywhere; }
        summary .tool { font-weight: 600; }
        summary .note, summary .preview { color: var(--muted); }
        .ok-mark { color: var(--ok); font-weight: 600; }
        .failed-mark { color: var(--failed); font-weight: 600; }
        pre { margin: 0; padding: .5rem .75rem; border-top: 1px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
        .empty { color: var(--muted); font-style: italic; }
        """;

    private Dictionary<string, string> _toolNames = new();

    public void Write(IReadOnlyList<Message> messages)
    {
        _toolNames = ExportText.ToolNames(messages);
        SessionEntry.Header? header = options.Header;
        string title = header is null ? "Session" : "Session " + header.Id;
        output.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        output.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // Everything the page needs is in it: nothing may be fetched, and nothing may run.
        output.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        output.Write("<meta name=\"generator\" content=\"Rho.Fast\">\n<title>");
        HtmlText.Write(output, title);
        output.Write("</title>\n<style>\n");
        output.Write(Style);
        output.Write("\n</style>\n</head>\n<body>\n<header class=\"session\">\n<h1>");
        HtmlText.Write(output, title);
        output.Write("</h1>\n<dl>\n");
        if (header is not null)
        {
            Term("Started", ExportText.Time(header.Timestamp));
            Term("Directory", header.Cwd);
        }

        if (options.History is { } history)
        {
            Term("History", history);
        }

        Term("Messages", messages.Count.ToString("N0", CultureInfo.InvariantCulture));
        output.Write("</dl>\n</header>\n<main>\n");
        for (int i = 0; i < messages.Count; i++)
        {
            WriteMessage(i, messages[i]);
        }

        if (messages.Count == 0)
        {
            output.Write("<p class=\"empty\">No messages.</p>\n");
        }

        output.Write("</main>\n</body>\n</html>\n");
    }

    private void Term(string term, string value)
    {
        output.Write("<dt>");
        output.Write(term);
        output.Write("</dt><dd>");
        HtmlText.Write(output, value);
        output.Write("</dd>\n");
    }

    private void WriteMessage(int index, Message message)
    {
        switch (message)
        {
            case Message.SystemPrompt system:
                Open(index, "system", "system", "System");
                WriteFoldable("prompt", "system-prompt", system.Text.ToString());
                break;
            case Message.User user:
                Open(index, "user", "user", "User");
                WriteBlocks(user.Content);
                break;
            case Message.Assistant assistant:
                Open(index, "assistant", "assistant", "Assistant");
                WriteBlocks(assistant.Content);
                break;
            case Message.EnrichedAssistant enriched:
                Open(index, "assistant", "assistant", "Assistant" + Provenance(enriched.Provenance));
                WriteReasoning(enriched.ReasoningSummary);
                WriteBlocks(enriched.Content);
                break;
            case Message.AbortedAssistant aborted:
                Open(index, "assistant", "assistant aborted", "Assistant (aborted)" + Provenance(aborted.Provenance));
                WriteReasoning(aborted.ReasoningSummary);
                WriteBlocks(aborted.Content);
                foreach (PartialToolCall partial in aborted.ToolCalls)
                {
                    WriteFoldable("tool call " + (partial.Name ?? "?") + " (never ran)", "tool-call partial", partial.Arguments);
                }

                break;
            case Message.ToolResult { Result: var result }:
                Open(index, "tool_result", result.Ok ? "tool-result ok" : "tool-result failed", "Tool result");
                WriteResult(result);
                break;
            default:
                Open(index, "unknown", "unknown", "A message of a kind this version does not know");
                WriteFoldable("raw JSON", "raw", message is Message.Unrecognized { Json: var json } ? json.ToString() : message.ToString());
                break;
        }

        output.Write("</article>\n");
    }

    private void Open(int index, string role, string classes, string heading)
    {
        string number = (index + 1).ToString(CultureInfo.InvariantCulture);
        output.Write("<article class=\"message ");
        output.Write(classes);
        output.Write("\" id=\"m");
        output.Write(number);
        output.Write("\" data-index=\"");
        output.Write(index.ToString(CultureInfo.InvariantCulture));
        output.Write("\" data-role=\"");
        output.Write(role);
        output.Write("\">\n<h2><a href=\"#m");
        output.Write(number);
        output.Write("\">#");
        output.Write(number);
        output.Write("</a> ");
        HtmlText.Write(output, heading);
        output.Write("</h2>\n");
    }

    private void WriteBlocks(IReadOnlyList<ContentBlock> blocks)
    {
        foreach (ContentBlock block in blocks)
        {
            switch (block)
            {
                case ContentBlock.Text { Value: var value }:
                    WriteText(value.ToString());
                    break;
                case ContentBlock.ToolCall { Call: var call }:
                    WriteCall(call);
                    break;
                case ContentBlock.Image image:
                    WriteText("[image " + image.MimeType + ", " + ExportText.Measure(image.Data.ToString()) + " of base64]");
                    break;
                case ContentBlock.Unrecognized { Json: var json }:
                    WriteFoldable("a block of a kind this version does not know", "raw", json.ToString());
                    break;
            }
        }

        if (blocks.Count == 0)
        {
            output.Write("<p class=\"empty\">(empty)</p>\n");
        }
    }

    private void WriteReasoning(string? summary)
    {
        if (!string.IsNullOrEmpty(summary))
        {
            WriteFoldable("reasoning", "reasoning", summary);
        }
    }

    // Part of a heading, which Open escapes.
    private static string Provenance(ModelIdentity? model) => model is null ? "" : " · " + model.Provider + "/" + model.Model;

    private void WriteText(string text)
    {
        output.Write("<div class=\"text\">");
        HtmlText.Write(output, text);
        output.Write("</div>\n");
    }

    private void WriteCall(ToolInvocation call)
    {
        string arguments = JsonIndent.Format(call.Arguments.Utf8.Span);
        bool open = !ExportText.IsLong(arguments, options);
        output.Write(open ? "<details class=\"tool-call\" open>" : "<details class=\"tool-call\">");
        output.Write("<summary>Tool call <span class=\"tool\">");
        HtmlText.Write(output, call.Name);
        output.Write("</span> <code class=\"note\">");
        HtmlText.Write(output, call.Id);
        output.Write("</code>");
        if (!open)
        {
            output.Write(" <span class=\"note\">· arguments, ");
            output.Write(ExportText.Measure(arguments));
            output.Write("</span>");
        }

        // The parser drops one line break right after <pre>: this one, not the text's own.
        output.Write("</summary>\n<pre class=\"arguments\">\n");
        HtmlText.Write(output, arguments);
        output.Write("</pre>\n</details>\n");
    }

    private void WriteResult(ToolOutcome result)
    {
        string content = result.Content.ToString();
        bool open = !ExportText.IsLong(content, options);
        output.Write(open ? "<details class=\"tool-output\" open>" : "<details class=\"tool-output\">");
        output.Write("<summary>");
        output.Write(result.Ok ? "<span class=\"ok-mark\">ok</span>" : "<span class=\"failed-mark\">failed</span>");
        if (_toolNames.TryGetValue(result.Id, out string? name))
        {
            output.Write(" <span class=\"tool\">");
            HtmlText.Write(output, name);
            output.Write("</span>");
        }

        output.Write(" <code class=\"note\">");
        HtmlText.Write(output, result.Id);
        output.Write("</code>");
        WriteSizeAndPreview(content, open);
        output.Write("</summary>\n<pre class=\"output\">\n");
        HtmlText.Write(output, content);
        output.Write("</pre>\n</details>\n");
    }

    /// <summary>A text in a <c>&lt;details&gt;</c> of its own, open unless it is long.</summary>
    private void WriteFoldable(string label, string kind, string text)
    {
        bool isOpen = !ExportText.IsLong(text, options);
        output.Write("<details class=\"");
        output.Write(kind);
        output.Write(isOpen ? "\" open>" : "\">");
        output.Write("<summary>");
        HtmlText.Write(output, label);
        WriteSizeAndPreview(text, isOpen);
        output.Write("</summary>\n<pre>\n");
        HtmlText.Write(output, text);
        output.Write("</pre>\n</details>\n");
    }

    /// <summary>A folded text's size, and its first line when it starts folded.</summary>
    private void WriteSizeAndPreview(string text, bool open)
    {
        output.Write(" <span class=\"note\">· ");
        output.Write(ExportText.Measure(text));
        output.Write("</span>");
        if (!open)
        {
            output.Write(" <span class=\"preview\">");
            HtmlText.Write(output, ExportText.FirstLine(text, PreviewLength));
            output.Write("</span>");
        }
    }
}

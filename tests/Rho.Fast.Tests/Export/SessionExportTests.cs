using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rho.Fast.Export;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests.Export;

public sealed class SessionExportTests
{
    private static readonly SessionExportOptions Options = new() { Header = ExportSamples.Header, History = "display" };

    [Fact]
    public void The_page_has_one_article_per_message_with_its_index_and_role()
    {
        Message[] messages = ExportSamples.Messages();

        string html = Html(messages);

        MatchCollection articles = Regex.Matches(html, "<article class=\"message ([a-z -]+)\" id=\"m(\\d+)\" data-index=\"(\\d+)\" data-role=\"([a-z_]+)\">");
        Assert.Equal(messages.Length, articles.Count);
        Assert.Equal(messages.Length, Regex.Matches(html, "</article>").Count);
        Assert.Equal(Enumerable.Range(0, messages.Length).Select(i => i.ToString()), articles.Select(a => a.Groups[3].Value));
        Assert.Equal(["system", "user", "assistant", "tool_result", "assistant", "tool_result", "assistant"], articles.Select(a => a.Groups[4].Value));
    }

    [Fact]
    public void Every_text_is_escaped_so_the_only_markup_is_the_page_s_own()
    {
        string html = Html(ExportSamples.Messages());

        Assert.Contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- &amp; &quot;quotes&quot; &#39;single&#39; &lt;b&gt;bold&lt;/b&gt;", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<!--", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("/work/&lt;project&gt; &amp; &quot;co&quot;", html);
        Assert.Contains("bash&lt;x&gt;", html);

        // Every tag is one the page writes.
        string[] tags = Regex.Matches(html, "</?([a-zA-Z!][a-zA-Z0-9]*)").Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Subset(new[] { "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "h1", "dl", "dt", "dd", "main", "article", "h2", "a", "div", "details", "summary", "span", "code", "pre", "p" }.ToHashSet(), tags.ToHashSet());
    }

    [Fact]
    public void Every_kind_of_rho_1_47_message_gets_an_article_and_its_text_is_escaped()
    {
        var model = new ModelIdentity("<p>", "api", "<script>");
        Message[] messages =
        [
            new Message.EnrichedAssistant([new ContentBlock.Text("<b>done</b>"), new ContentBlock.Image("R0lG", "image/<x>")], model, "<i>thought</i>", []),
            new Message.AbortedAssistant([new ContentBlock.Text("cut")], "", model, null, [], [new PartialToolCall(null, "<img src=x>", "{\"a\":")], new ModelUsage(1, null, null, null, null, null, null)),
            new Message.Unrecognized(RawJson.Parse("{\"Thinking\":\"<svg>\"}")),
        ];

        string html = Html(messages);

        Assert.Equal(3, Regex.Matches(html, "<article class=\"message ").Count);
        Assert.Equal(3, Regex.Matches(html, "</article>").Count);
        foreach (string hostile in new[] { "<b>", "<i>", "<x>", "<img", "<svg", "<script", "<p>" })
        {
            Assert.DoesNotContain(hostile, html);
        }

        Assert.Contains("&lt;img src=x&gt;", html);
        string markdown = Markdown(messages);
        Assert.Contains("## 2. Assistant (aborted)", markdown);
        Assert.Contains("[image image/<x>", markdown);
    }

    [Fact]
    public void Control_characters_are_shown_as_symbols_and_the_rest_of_unicode_is_kept()
    {
        string html = Html([Message.UserText("nul \0 esc \u001b del \u007f c1 \u0085 bidi \u202e lone \ud800 crlf\r\nline \u2028 🎉 日本")]);

        Assert.Contains("nul ␀ esc ␛ del ␡ c1 \uFFFD bidi \uFFFD lone \uFFFD crlf\nline \u2028 🎉 日本", html);
        Assert.DoesNotContain('\0', html);
        Assert.DoesNotContain('\u001b', html);
    }

    [Fact]
    public void The_page_loads_nothing_and_runs_nothing()
    {
        string html = Html(ExportSamples.Messages());

        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">", html);
        Assert.DoesNotMatch("(src|href)=\"(?!#)", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("@import", html);
    }

    [Fact]
    public void Tool_calls_and_results_are_details_open_when_short_and_folded_when_long()
    {
        string html = Html(ExportSamples.Messages(longOutputLines: 200));

        Assert.Equal(2, Regex.Matches(html, "<details class=\"tool-call\" open>").Count);
        Assert.Single(Regex.Matches(html, "<details class=\"tool-output\" open>"));
        Assert.Single(Regex.Matches(html, "<details class=\"tool-output\">"));
        Assert.Contains("<span class=\"failed-mark\">failed</span> <span class=\"tool\">read_file</span> <code class=\"note\">call_2</code> <span class=\"note\">· 200 lines,", html);
        Assert.Contains("<span class=\"preview\">line 1 ````</span>", html);
    }

    [Fact]
    public void A_text_starting_with_a_line_break_keeps_it_inside_pre()
    {
        string html = Html(ExportSamples.Messages());

        // The HTML parser drops one line break right after <pre>: the page writes one of its own there.
        Assert.Contains("<pre class=\"output\">\n\nstarts with a newline\n", html);
    }

    [Fact]
    public void Arguments_are_indented_and_keep_their_bytes()
    {
        string html = Html(ExportSamples.Messages());

        Assert.Contains("{\n  &quot;command&quot;: &quot;cat &lt;/script&gt; &amp;&amp; echo \\&quot;done\\&quot;&quot;,\n  &quot;n&quot;: [\n    1,\n    2.50,\n    {}\n  ]\n}", html);
    }

    [Fact]
    public void Markdown_fences_are_longer_than_any_backtick_run_and_long_output_is_folded()
    {
        var output = new StringWriter();
        SessionExport.WriteMarkdown(ExportSamples.Messages(longOutputLines: 200), output, Options);
        string markdown = output.ToString();

        Assert.StartsWith("# Session `0badc0de-0000-4000-8000-000000000001`\n\n- Started: 2025-09-04 15:33:20 UTC\n- Directory: `/work/<project> & \"co\"`\n- History: display\n- Messages: 7\n\n## 1. System\n", markdown);
        Assert.Contains("## 3. Assistant\n\nLet me look ``` at it.\n\n**Tool call** `bash<x>` `call_1`\n\n```json\n{\n  \"command\"", markdown);
        Assert.Contains("## 6. Tool result `read_file` (failed)\n\nAnswers `call_2`.\n\n<details>\n<summary>Output: 200 lines, ", markdown);
        Assert.Contains("\n\n`````\nline 1 ````\n", markdown);
        Assert.Contains("line 200 ````\n`````\n\n</details>\n", markdown);
        Assert.Equal(7, Regex.Matches(markdown, "^## \\d+\\. ", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void Json_is_one_document_holding_serde_s_bytes_of_each_message()
    {
        Message[] messages = ExportSamples.Messages();
        var output = new ArrayBufferWriter<byte>();

        SessionExport.WriteJson(messages, output, Options);

        string json = Encoding.UTF8.GetString(output.WrittenSpan);
        string[] lines = json.Split('\n');
        Assert.Equal("{\"session\":" + Wire.Serialize(ExportSamples.Header) + ",\"history\":\"display\",\"messages\":[", lines[0]);
        for (int i = 0; i < messages.Length; i++)
        {
            Assert.Equal(Wire.Serialize(messages[i]) + (i < messages.Length - 1 ? "," : ""), lines[i + 1]);
        }

        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(messages.Length, document.RootElement.GetProperty("messages").GetArrayLength());
        Assert.Equal("0badc0de-0000-4000-8000-000000000001", document.RootElement.GetProperty("session").GetProperty("id").GetString());
    }

    [Fact]
    public void Without_metadata_and_messages_every_format_is_still_well_formed()
    {
        var json = new ArrayBufferWriter<byte>();
        SessionExport.WriteJson([], json);
        var markdown = new StringWriter();
        SessionExport.WriteMarkdown([], markdown);

        Assert.Equal("{\"session\":null,\"history\":null,\"messages\":[]}\n", Encoding.UTF8.GetString(json.WrittenSpan));
        Assert.Equal("# Session\n\n- Messages: 0\n\n", markdown.ToString());
        Assert.Contains("<p class=\"empty\">No messages.</p>", Html([], SessionExportOptions.Default));
    }

    [Fact]
    public void The_same_messages_give_the_same_bytes()
    {
        Assert.Equal(Html(ExportSamples.Messages()), Html(ExportSamples.Messages()));
    }

    private static string Html(Message[] messages, SessionExportOptions? options = null)
    {
        var output = new StringWriter();
        SessionExport.WriteHtml(messages, output, options ?? Options);
        return output.ToString();
    }

    private static string Markdown(Message[] messages)
    {
        var output = new StringWriter();
        SessionExport.WriteMarkdown(messages, output, Options);
        return output.ToString();
    }
}

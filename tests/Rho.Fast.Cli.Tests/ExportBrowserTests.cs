using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;
using Rho.Fast.Tests;
using Xunit;

namespace Rho.Fast.Cli.Tests;

/// <summary>An exported page as a real browser shows it: Debian's Chromium, headless, offline.</summary>
public sealed class ExportBrowserTests
{
    private const string Hostile = "</script><script>console.error('injected')</script><!-- <img src=\"http://example.invalid/x.png\"> & \"q\" 'q' \u2028 🎉 \0 \u001b[0m </pre></details></article><article class=\"message\">";

    [Fact]
    public void The_page_renders_one_article_per_message_logs_nothing_and_fetches_nothing()
    {
        using var temp = new TempDirectory();
        string session = temp.Combine("session.jsonl");
        SyntheticSession.WriteFile(session, 120, seed: 8);
        var call = new Message.Assistant([new ContentBlock.Text(Hostile), new ContentBlock.ToolCall(new ToolInvocation("call_h", "bash", RawJson.Parse("{\"command\":\"echo '</script>'\"}")))]);
        File.AppendAllText(session, Wire.Serialize(new SessionEntry.MessageEntry("1", Message.UserText(Hostile))) + "\n"
            + Wire.Serialize(new SessionEntry.MessageEntry("1", call)) + "\n"
            + Wire.Serialize(new SessionEntry.MessageEntry("1", Message.ToolResultFor("call_h", false, Hostile))) + "\n");
        string page = temp.Combine("session.html");
        Assert.Equal(0, CliRun.Run("export", session, "--output", page).ExitCode);

        BrowserVisit visit = HeadlessBrowser.Visit(page, temp.Path);

        MatchCollection articles = Regex.Matches(visit.Dom, "<article class=\"message [^\"]*\" id=\"m\\d+\" data-index=\"(\\d+)\"");
        Assert.Equal(123, articles.Count);
        Assert.Equal(Enumerable.Range(0, 123).Select(i => i.ToString()), articles.Select(a => a.Groups[1].Value));
        Assert.DoesNotContain("<script", visit.Dom);
        Assert.DoesNotContain("<img", visit.Dom);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;console.error('injected')&lt;/script&gt;&lt;!-- &lt;img", visit.Dom);
        Assert.Empty(visit.ConsoleMessages);
        Assert.Empty(visit.Requests);
    }

    [Fact]
    public void The_page_draws()
    {
        using var temp = new TempDirectory();
        string session = SessionFixtures.Clean(temp.Combine("session.jsonl"));
        string page = temp.Combine("session.html");
        Assert.Equal(0, CliRun.Run("export", session, "-o", page).ExitCode);
        string png = temp.Combine("page.png");

        HeadlessBrowser.Screenshot(page, png, 1000, 1200, temp.Path);

        byte[] image = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, image[..4]);

        // A blank page compresses to a few hundred bytes; one with text does not.
        Assert.True(image.Length > 20_000, image.Length + " bytes");
    }

    [Fact]
    public void The_checks_see_a_page_that_fetches_and_logs()
    {
        // The same checks on a page that breaks both rules: they must report it.
        using var temp = new TempDirectory();
        string page = temp.Combine("bad.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><article class=\"message\">x</article><img src=\"http://example.invalid/x.png\"><script>console.error('boom')</script></body></html>");

        BrowserVisit visit = HeadlessBrowser.Visit(page, temp.Path);

        Assert.Contains("http://example.invalid/x.png", visit.Requests);
        Assert.Contains(visit.ConsoleMessages, line => line.Contains("boom"));
    }
}

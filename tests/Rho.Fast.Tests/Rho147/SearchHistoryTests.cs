using System.Linq;
using Xunit;

namespace Rho.Fast.Tests.Rho147;

/// <summary>A session of rho 1.47's formats is searched in the history the user saw, not line by line.</summary>
public sealed class SearchHistoryTests
{
    [Theory]
    [MemberData(nameof(Rho147Files.Sessions), MemberType = typeof(Rho147Files))]
    public void Every_hit_holds_the_text_and_in_formats_2_to_4_is_a_displayed_message(string name)
    {
        string path = Rho147Files.PathOf(name);
        SessionHistories histories = SessionReader.ReadHistories(path);
        foreach (string needle in new[] { "compacted", "/GOAL", "日本語", "zero" })
        {
            var search = new SessionSearch(needle);
            SessionSearchHit[] hits = search.SearchFile(path).ToArray();
            // rho's compaction notices are made by the reader, not written in the file: not searched.
            int[] expected = Enumerable.Range(0, histories.Display.Count)
                .Where(i => !Text(histories.Display[i]).StartsWith("\u25C6 Compacted context", System.StringComparison.Ordinal))
                .Where(i => Text(histories.Display[i]).Contains(needle, System.StringComparison.OrdinalIgnoreCase))
                .ToArray();
            Assert.All(hits, hit => Assert.Contains(needle, hit.Snippet, System.StringComparison.OrdinalIgnoreCase));
            if (histories.Summary.FormatVersion > 1)
            {
                int[] found = hits.Select(hit => hit.MessageIndex).ToArray();
                Assert.Equal(found.Distinct().Order().ToArray(), found);
                Assert.Subset(found.ToHashSet(), expected.ToHashSet());
                Assert.All(hits, hit => Assert.Equal(histories.Display[hit.MessageIndex], hit.Message));
            }
        }
    }

    private static string Text(Message message) => message switch
    {
        Message.User user => string.Concat(user.Content.OfType<ContentBlock.Text>().Select(t => t.Value.ToString())),
        Message.Assistant assistant => string.Concat(assistant.Content.OfType<ContentBlock.Text>().Select(t => t.Value.ToString())),
        Message.EnrichedAssistant enriched => string.Concat(enriched.Content.OfType<ContentBlock.Text>().Select(t => t.Value.ToString())),
        Message.AbortedAssistant aborted => string.Concat(aborted.Content.OfType<ContentBlock.Text>().Select(t => t.Value.ToString())),
        Message.SystemPrompt system => system.Text.ToString(),
        Message.ToolResult result => result.Result.Content.ToString(),
        _ => "",
    };
}

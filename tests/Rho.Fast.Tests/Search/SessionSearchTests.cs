using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Rho.Fast.Serialization;
using Rho.Fast.Synthetic;
using Xunit;

namespace Rho.Fast.Tests.Search;

public sealed class SessionSearchTests
{
    [Fact]
    public void A_hit_names_the_session_the_message_index_and_the_text_around_the_match()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, [Message.SystemText("be brief"), Message.UserText("where is the config loader?"), Message.AssistantText("In src/Config/Loader.cs, line 12.")]);

        SessionSearchHit hit = Assert.Single(new SessionSearch("config/LOADER").SearchFile(path));

        Assert.Equal(Id, hit.SessionId);
        Assert.Equal(path, hit.Path);
        Assert.Equal(2, hit.MessageIndex);
        Assert.IsType<Message.Assistant>(hit.Message);
        Assert.Equal("In src/Config/Loader.cs, line 12.", hit.Snippet);
        Assert.Equal("Config/Loader", hit.Snippet.Substring(hit.MatchStart, hit.MatchLength));
    }

    [Fact]
    public void A_long_text_is_cut_around_the_match_on_one_line()
    {
        using var temp = new TempDirectory();
        string text = string.Concat(Enumerable.Repeat("alpha beta\n", 30)) + "the NEEDLE here\n" + string.Concat(Enumerable.Repeat("gamma\tdelta ", 30));
        string path = Write(temp, [Message.UserText(text)]);

        SessionSearchHit hit = Assert.Single(new SessionSearch("needle").SearchFile(path));

        Assert.StartsWith("…", hit.Snippet);
        Assert.EndsWith("…", hit.Snippet);
        Assert.Equal("NEEDLE", hit.Snippet.Substring(hit.MatchStart, hit.MatchLength));
        Assert.DoesNotContain('\n', hit.Snippet);
        Assert.DoesNotContain('\t', hit.Snippet);
        Assert.True(hit.Snippet.Length < 120, hit.Snippet);
    }

    [Theory]
    [InlineData("Café", "CAFÉ au lait")]
    [InlineData("straße", "STRASSE? no: die Straße")]
    [InlineData("σοφία", "ΣΟΦΊΑ? no: ΣΟΦΙΑ and σοφία")]
    [InlineData("ПРИВЕТ", "привет, мир")]
    [InlineData("ǅ", "ǆ lowercase")]
    public void Case_is_ignored_beyond_ascii(string needle, string text)
    {
        using var temp = new TempDirectory();
        string path = Write(temp, [Message.UserText(text)]);

        bool expected = text.Contains(needle, StringComparison.OrdinalIgnoreCase);

        Assert.True(expected, "the case must be one the comparison folds");
        Assert.Single(new SessionSearch(needle).SearchFile(path));
    }

    [Fact]
    public void Case_variants_of_another_utf8_length_are_found()
    {
        // Pairs such as ɐ (two bytes) and Ɐ (three), whatever OrdinalIgnoreCase makes equal.
        var pairs = new List<(char Needle, char Variant)>();
        for (int c = 0x80; c <= 0xFFFF && pairs.Count < 12; c++)
        {
            char lower = (char)c;
            char upper = char.ToUpperInvariant(lower);
            if (!char.IsSurrogate(lower) && upper != lower && Encoding.UTF8.GetByteCount([lower]) != Encoding.UTF8.GetByteCount([upper])
                && lower.ToString().Equals(upper.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                pairs.Add((lower, upper));
            }
        }

        using var temp = new TempDirectory();
        string path = Write(temp, [.. pairs.Select(p => Message.UserText("word " + p.Variant + "xyz"))]);

        Assert.NotEmpty(pairs);
        for (int i = 0; i < pairs.Count; i++)
        {
            Assert.Equal(i, Assert.Single(new SessionSearch(pairs[i].Needle + "XYZ").SearchFile(path)).MessageIndex);
        }
    }

    [Theory]
    [InlineData("say \"hi\"")]
    [InlineData("C:\\Users\\me")]
    [InlineData("line one\nline two")]
    [InlineData("tab\there")]
    [InlineData("\u001b[31mred")]
    [InlineData("\r\n")]
    [InlineData("🎉 done")]
    [InlineData("日本語")]
    [InlineData("\\n")]
    public void Text_that_json_escapes_is_found_in_its_decoded_form(string needle)
    {
        using var temp = new TempDirectory();
        string path = Write(temp, [Message.UserText("unrelated"), Message.UserText("before " + needle + " after"), Message.UserText("also unrelated")]);

        SessionSearchHit hit = Assert.Single(new SessionSearch(needle).SearchFile(path));

        Assert.Equal(1, hit.MessageIndex);
    }

    [Fact]
    public void An_escape_is_not_its_letters()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, [Message.UserText("first\nsecond"), Message.UserText("a \"quoted\" word")]);

        Assert.Empty(new SessionSearch("tsecond").SearchFile(path));
        Assert.Empty(new SessionSearch("nsecond").SearchFile(path));
        Assert.Empty(new SessionSearch("a \\\"quoted").SearchFile(path));
    }

    [Fact]
    public void Escapes_serde_never_writes_are_decoded_before_matching()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("foreign.jsonl");
        File.WriteAllText(path, HeaderLine
            + "{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"User\":[{\"Text\":\"caf\\u00e9 cr\\u00E8me\"}]}}\n"
            + "{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"User\":[{\"Text\":\"path a\\/b\\/c\"}]}}\n"
            + "{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"User\":[{\"Text\":\"\\u0048\\u0049 there\"}]}}\n"
            + "{\"type\":\"message\",\"timestamp\":\"1\",\"message\":{\"User\":[{\"Text\":\"emoji \\ud83c\\udf89!\"}]}}\n");

        Assert.Equal(0, Assert.Single(new SessionSearch("CAFÉ CRÈME").SearchFile(path)).MessageIndex);
        Assert.Equal(1, Assert.Single(new SessionSearch("a/b/c").SearchFile(path)).MessageIndex);
        Assert.Equal(2, Assert.Single(new SessionSearch("hi there").SearchFile(path)).MessageIndex);
        Assert.Equal(3, Assert.Single(new SessionSearch("🎉!").SearchFile(path)).MessageIndex);
    }

    [Fact]
    public void An_escaped_backslash_before_u_is_not_an_escape()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, [Message.UserText("C:\\users\\u0041 and \\/")]);

        Assert.Single(new SessionSearch("\\users\\u0041").SearchFile(path));
        Assert.Single(new SessionSearch("\\/").SearchFile(path));
        Assert.Empty(new SessionSearch("C:\\usersA").SearchFile(path));
    }

    [Theory]
    [InlineData("Text")]
    [InlineData("ToolResult")]
    [InlineData("content")]
    [InlineData("arguments")]
    [InlineData("\"type\":\"message\"")]
    [InlineData("call_1")]
    [InlineData("read_file")]
    [InlineData("1757000000")]
    public void Keys_syntax_ids_tool_names_and_timestamps_are_not_message_text(string needle)
    {
        using var temp = new TempDirectory();
        var call = new Message.Assistant([new ContentBlock.Text("looking"), new ContentBlock.ToolCall(new ToolInvocation("call_1", "read_file", RawJson.Parse("{\"path\":\"src/a.rs\"}")))]);
        string path = temp.Combine("s.jsonl");
        File.WriteAllText(path, HeaderLine + Entry(Message.UserText("hello"), "1757000000") + Entry(call) + Entry(Message.ToolResultFor("call_1", true, "fn main() {}")));

        Assert.Empty(new SessionSearch(needle).SearchFile(path));
    }

    [Fact]
    public void Tool_call_arguments_are_searched_by_their_string_values()
    {
        using var temp = new TempDirectory();
        var call = new Message.Assistant([new ContentBlock.ToolCall(new ToolInvocation("c", "bash", RawJson.Parse("{\"command\":\"git push --force\",\"env\":[\"A=1\",{\"deep\":\"Wörd\"}]}")))]);
        string path = Write(temp, [Message.UserText("go"), call]);

        Assert.Equal(1, Assert.Single(new SessionSearch("PUSH --force").SearchFile(path)).MessageIndex);
        Assert.Equal(1, Assert.Single(new SessionSearch("wörd").SearchFile(path)).MessageIndex);
        Assert.Empty(new SessionSearch("command").SearchFile(path));
    }

    [Fact]
    public void A_torn_last_line_holds_nothing_and_the_lines_before_it_are_found()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, [Message.UserText("needle one"), Message.UserText("needle two")]);
        string torn = Entry(Message.UserText("needle three"));
        File.AppendAllText(path, torn[..(torn.Length / 2 + 10)]);

        Assert.Equal([0, 1], new SessionSearch("needle").SearchFile(path).Select(h => h.MessageIndex));
    }

    [Fact]
    public void Lines_longer_than_a_chunk_and_matches_across_chunk_boundaries_are_found()
    {
        using var temp = new TempDirectory();
        var messages = new List<Message> { Message.UserText(new string('x', 3_000_000) + "NEEDLE at the end of a long line") };
        for (int i = 0; i < 3000; i++)
        {
            // About 1.5 MB of short lines: some fall across the 1 MB chunk boundary.
            messages.Add(Message.UserText(new string('y', 480) + (i % 7 == 0 ? " needle " : " ") + i));
        }

        string path = Write(temp, messages);

        int[] expected = SearchOracle.MessagesContaining(messages, "needle").ToArray();
        Assert.Equal(expected, new SessionSearch("needle").SearchFile(path).Select(h => h.MessageIndex));
        Assert.Equal(1 + 429, expected.Length);
    }

    [Fact]
    public void The_search_finds_exactly_what_decoding_every_message_finds()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("synthetic.jsonl");
        SyntheticSession.WriteFile(path, 1500, seed: 21);
        IReadOnlyList<Message> messages = SessionReader.ReadMessages(path).Messages;
        var random = new Random(5);
        var needles = new List<string> { "error", "naïve", "日", "🎉", "\"", "\\", "\t", "\u001b[", "\r\n", "é", "size", "is", "Ok", "type", "ToolCall", "id", "{", "e", "CAFÉ", "x²" };
        for (int i = 0; i < 40; i++)
        {
            // Pieces of real text, their case flipped at random: escapes, non-ASCII and all.
            string text = SearchOracle.Texts(messages[random.Next(messages.Count)]).FirstOrDefault(t => t.Length > 20) ?? "fallback";
            int start = random.Next(text.Length - 5);
            string piece = text.Substring(start, int.Min(text.Length - start, 3 + random.Next(12)));
            if (!char.IsSurrogate(piece[0]) && !char.IsSurrogate(piece[^1]))
            {
                needles.Add(new string(piece.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray()));
            }
        }

        foreach (string needle in needles)
        {
            List<int> expected = SearchOracle.MessagesContaining(messages, needle);
            List<SessionSearchHit> hits = new SessionSearch(needle).SearchFile(path).ToList();

            Assert.True(expected.SequenceEqual(hits.Select(h => h.MessageIndex)), "needle " + JsonEscaped(needle) + ": expected " + expected.Count + " hits, got " + hits.Count);
            // The snippet shows control characters as spaces.
            string shown = new(needle.Select(c => c < ' ' ? ' ' : c).ToArray());
            Assert.All(hits, hit => Assert.Equal(shown, hit.Snippet.Substring(hit.MatchStart, hit.MatchLength), StringComparer.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void The_store_is_searched_in_the_workspace_or_in_every_workspace_newest_first()
    {
        using var temp = new TempDirectory();
        var store = new SessionStore(temp.Combine("sessions"));
        string here = MakeSession(store, "/work/here", 1_700_000_000, "the needle here");
        string newer = MakeSession(store, "/work/here", 1_700_000_100, "a newer needle");
        string there = MakeSession(store, "/work/there", 1_700_000_050, "a needle there");

        var search = new SessionSearch("NEEDLE");

        Assert.Equal([newer, here], search.SearchStore(store, "/work/here").Select(h => h.Path));
        Assert.Equal([newer, there, here], search.SearchStore(store, null).Select(h => h.Path));
        Assert.Empty(search.SearchStore(store, "/work/nowhere"));
    }

    [Fact]
    public void A_text_with_a_lone_surrogate_matches_nothing_and_an_empty_text_is_refused()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, [Message.UserText("anything \uFFFD")]);

        Assert.Empty(new SessionSearch("\uD83C").SearchFile(path));
        Assert.Throws<ArgumentException>(() => new SessionSearch(""));
    }

    [Fact]
    public void The_id_comes_from_the_header_else_from_the_file_name()
    {
        using var temp = new TempDirectory();
        string path = temp.Combine("1700000000_11111111-2222-4333-8444-555555555555.jsonl");
        File.WriteAllText(path, Entry(Message.UserText("no header, needle")));

        Assert.Equal("11111111-2222-4333-8444-555555555555", Assert.Single(new SessionSearch("needle").SearchFile(path)).SessionId);
    }

    private const string Id = "0badc0de-0000-4000-8000-000000000001";

    private static string HeaderLine => Wire.Serialize(new SessionEntry.Header(1, Id, "1757000000", "/work/here")) + "\n";

    private static string Entry(Message message, string timestamp = "1757000001") => Wire.Serialize(new SessionEntry.MessageEntry(timestamp, message)) + "\n";

    private static string Write(TempDirectory temp, IEnumerable<Message> messages)
    {
        string path = temp.Combine("session.jsonl");
        var text = new StringBuilder(HeaderLine);
        foreach (Message message in messages)
        {
            text.Append(Entry(message));
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string MakeSession(SessionStore store, string cwd, long created, string text)
    {
        string folder = store.WorkspaceDirectory(cwd);
        Directory.CreateDirectory(folder);
        string id = Guid.NewGuid().ToString();
        string path = Path.Combine(folder, created + "_" + id + ".jsonl");
        File.WriteAllText(path, Wire.Serialize(new SessionEntry.Header(1, id, created.ToString(), cwd)) + "\n" + Entry(Message.UserText(text)));
        return path;
    }

    private static string JsonEscaped(string text) => Wire.Serialize(new Message.SystemPrompt(text));
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Rho.Fast.Serialization;

namespace Rho.Fast.Synthetic;

/// <summary>
/// The messages of a synthetic rho 1.47 session, one at a time: every message kind rho writes
/// (system prompt, user prompts with images, assistant messages plain and enriched, aborted
/// responses with partial tool calls, tool calls and their results), with the nasty strings of
/// <see cref="NastyText"/> mixed in. What the user saw is returned beside what the model got where
/// rho keeps them apart (a <c>/goal</c> prompt, an aborted response's reasoning).
/// </summary>
internal sealed class TreeConversation
{
    private static readonly string[] ToolNames = ["bash", "bash", "bash", "read_file", "read_file", "edit_file", "web_search", "write_file"];

    private static readonly string[] MimeTypes = ["image/png", "image/jpeg", "image/webp", "image/gif"];

    private static readonly string[] Slash = ["/status", "/usage", "/help", "/tree", "/model"];

    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly StringBuilder _text = new(4096);
    private readonly JsonTextBuilder _json = new();
    private readonly bool _short;
    private SplitMix64 _rng;
    private int _calls;

    public TreeConversation(ulong seed, SyntheticTextSize size)
    {
        _rng = new SplitMix64(seed ^ 0x7EE5_C0_4A_7105_0000);
        _short = size == SyntheticTextSize.Short;
    }

    public Message SystemPrompt()
    {
        _text.Clear();
        _text.Append("You are rho, a coding assistant. Be terse; prefer tools over guessing.");
        Prose(_short ? 20 : 200, _short ? 60 : 900);
        return Message.SystemText(_text.ToString());
    }

    /// <summary>A user prompt: what the model gets, and what the user typed (a <c>/goal</c> command, say) when that differs.</summary>
    public (Message Model, Message Display) UserPrompt()
    {
        _text.Clear();
        Prose(_short ? 4 : 30, _short ? 40 : 260);
        string prompt = _text.ToString();
        var blocks = new List<ContentBlock> { new ContentBlock.Text(prompt) };
        if (_rng.Percent(15))
        {
            _text.Clear();
            Prose(_short ? 4 : 60, _short ? 30 : 600);
            blocks.Add(new ContentBlock.Text(_text.ToString()));
        }

        if (_rng.Percent(10))
        {
            blocks.Insert(_rng.Below(blocks.Count + 1), Image());
        }

        var model = new Message.User(blocks);
        if (!_rng.Percent(15))
        {
            return (model, model);
        }

        // rho sends the goal's text and shows the command as typed.
        var shown = new List<ContentBlock>(blocks);
        int first = shown.FindIndex(static block => block is ContentBlock.Text);
        shown[first] = new ContentBlock.Text("/goal " + prompt);
        return (model, new Message.User(shown));
    }

    /// <summary>Context the model gets and the user never sees.</summary>
    public Message HiddenContext()
    {
        _text.Clear();
        _text.Append("<system-reminder>");
        Prose(_short ? 4 : 40, _short ? 30 : 300);
        _text.Append("</system-reminder>");
        return Message.UserText(_text.ToString());
    }

    /// <summary>A command the user typed that is shown but never sent to the model.</summary>
    public Message SlashCommand() => Message.UserText(_rng.Pick(Slash) + (_rng.Percent(30) ? " " + NastyText.Fragment(ref _rng) : ""));

    /// <summary>A local command's output, shown and never sent.</summary>
    public Message LocalOutput()
    {
        _text.Clear();
        _text.Append("tokens: ").Append(_rng.Between(1000, 200000).ToString(CultureInfo.InvariantCulture)).Append('\n');
        Prose(_short ? 4 : 20, _short ? 30 : 200);
        return Message.AssistantText(_text.ToString());
    }

    /// <summary>An assistant message with one to three tool calls, and one result per call in order.</summary>
    public (Message Call, Message[] Results) ToolTurn(ModelIdentity provider)
    {
        int roll = _rng.Below(100);
        int count = roll < 62 ? 1 : roll < 89 ? 2 : 3;
        var blocks = new List<ContentBlock>(count + 1);
        if (_rng.Percent(35))
        {
            _text.Clear();
            Prose(_short ? 4 : 60, _short ? 30 : 400);
            blocks.Add(new ContentBlock.Text(_text.ToString()));
        }

        var results = new Message[count];
        for (int i = 0; i < count; i++)
        {
            string name = _rng.Pick(ToolNames);
            string id = CallId();
            blocks.Add(new ContentBlock.ToolCall(new ToolInvocation(id, name, Arguments(name))));
            bool ok = !_rng.Percent(15);
            _text.Clear();
            Output(name, ok);
            results[i] = Message.ToolResultFor(id, ok, _text.ToString());
        }

        Message call = _rng.Percent(30) ? Enriched(blocks, provider) : new Message.Assistant(blocks);
        return (call, results);
    }

    /// <summary>An answer that ends the assistant's turn: plain, enriched, or aborted (then the model's copy has no reasoning text, as rho saves it).</summary>
    public (Message Model, Message Display) Answer(ModelIdentity provider)
    {
        int roll = _rng.Below(100);
        if (roll < 10)
        {
            Message.AbortedAssistant aborted = Aborted(provider);
            return (aborted with { Reasoning = Utf8Text.Empty }, aborted);
        }

        var blocks = new List<ContentBlock>(2);
        _text.Clear();
        if (_short)
        {
            Prose(4, 50);
        }
        else
        {
            SyntheticText.Markdown(ref _rng, _text, _rng.Octaves(150, 5));
            MaybeNasty(10);
        }

        blocks.Add(new ContentBlock.Text(_text.ToString()));
        if (_rng.Percent(10))
        {
            blocks.Add(new ContentBlock.Text(_rng.Percent(30) ? "" : NastyText.Fragment(ref _rng)));
        }

        Message answer = roll < 35 ? Enriched(blocks, provider) : new Message.Assistant(blocks);
        return (answer, answer);
    }

    /// <summary>The history a compaction leaves: a summary, sometimes acknowledged.</summary>
    public Message[] Summary()
    {
        _text.Clear();
        _text.Append("summary:");
        Prose(_short ? 10 : 200, _short ? 60 : 2000);
        Message summary = Message.UserText(_text.ToString());
        if (_rng.Percent(50))
        {
            return [summary];
        }

        _text.Clear();
        Prose(4, 40);
        return [summary, Message.AssistantText(_text.ToString())];
    }

    /// <summary>A UUID v4 in its usual spelling, for node ids.</summary>
    public string Uuid()
    {
        ulong high = (_rng.Next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000;
        ulong low = (_rng.Next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        return FormatUuid(high, low);
    }

    public static string FormatUuid(ulong high, ulong low)
    {
        string hex = high.ToString("x16", CultureInfo.InvariantCulture) + low.ToString("x16", CultureInfo.InvariantCulture);
        return new StringBuilder(36)
            .Append(hex, 0, 8).Append('-').Append(hex, 8, 4).Append('-').Append(hex, 12, 4).Append('-')
            .Append(hex, 16, 4).Append('-').Append(hex, 20, 12).ToString();
    }

    /// <summary>A metadata value: prose with a nasty fragment.</summary>
    public string MetadataValue()
    {
        _text.Clear();
        _text.Append(NastyText.Fragment(ref _rng)).Append(' ');
        SyntheticText.Sentence(ref _rng, _text);
        return _text.ToString();
    }

    /// <summary>The characters a message holds, for compaction estimates (not rho's estimate, which nothing here checks).</summary>
    public static long Weight(Message message)
    {
        switch (message)
        {
            case Message.SystemPrompt system:
                return system.Text.ToString().Length;
            case Message.User user:
                return Weight(user.Content);
            case Message.Assistant assistant:
                return Weight(assistant.Content);
            case Message.EnrichedAssistant enriched:
                return Weight(enriched.Content);
            case Message.AbortedAssistant aborted:
                return Weight(aborted.Content);
            case Message.ToolResult { Result: var result }:
                return result.Content.ToString().Length;
            default:
                return 0;
        }
    }

    private static long Weight(IReadOnlyList<ContentBlock> blocks)
    {
        long weight = 16;
        foreach (ContentBlock block in blocks)
        {
            weight += block switch
            {
                ContentBlock.Text { Value: var value } => value.ToString().Length,
                ContentBlock.ToolCall { Call: var call } => call.Arguments.Utf8.Length,
                ContentBlock.Image { Data: var data } => data.ToString().Length,
                _ => 0,
            };
        }

        return weight;
    }

    private Message.EnrichedAssistant Enriched(List<ContentBlock> blocks, ModelIdentity provider)
    {
        ModelIdentity? provenance = _rng.Percent(85) ? provider : null;
        string? summary = null;
        if (_rng.Percent(50))
        {
            _text.Clear();
            Prose(4, _short ? 40 : 300);
            summary = _text.ToString();
        }

        var context = new List<ProviderContextBlock>(2);
        if (_rng.Percent(40))
        {
            context.Add(Encrypted(provenance ?? provider));
        }

        if (_rng.Percent(40))
        {
            // The portable fallback as rho 1.47 stores it: a block of its own kind, no position, a JSON string.
            _text.Clear();
            Prose(4, _short ? 40 : 400);
            context.Add(new ProviderContextBlock(provenance ?? ModelIdentity.None, ProviderContextBlock.PortableFallbackKind, null, JsonString(_text.ToString())));
        }

        if (context.Count == 2 && _rng.Percent(50))
        {
            context.Reverse();
        }

        return new Message.EnrichedAssistant(blocks, provenance, summary, context);
    }

    private Message.AbortedAssistant Aborted(ModelIdentity provider)
    {
        var blocks = new List<ContentBlock>(1);
        if (_rng.Percent(70))
        {
            _text.Clear();
            Prose(2, _short ? 30 : 300);
            blocks.Add(new ContentBlock.Text(_text.ToString()));
        }

        _text.Clear();
        Prose(2, _short ? 40 : 600);
        string reasoning = _text.ToString();
        ModelIdentity? provenance = _rng.Percent(80) ? provider : null;
        string? summary = _rng.Percent(30) ? "partial: " + NastyText.Fragment(ref _rng) : null;
        List<ProviderContextBlock> context = _rng.Percent(30) ? [Encrypted(provenance ?? provider)] : [];
        var calls = new List<PartialToolCall>(2);
        for (int i = _rng.Below(3); i > 0; i--)
        {
            string? id = _rng.Percent(75) ? CallId() : null;
            string? name = _rng.Percent(70) ? _rng.Pick(ToolNames) : null;
            string arguments = _rng.Below(4) switch
            {
                0 => "",
                1 => "{}",
                2 => "{\"command\":\"cargo te",
                _ => "{\"path\":\"" + NastyText.Fragment(ref _rng),
            };
            calls.Add(new PartialToolCall(id, name, arguments));
        }

        var usage = new ModelUsage(Count(), Count(), Count(), Count(), Count(), Count(), Count());
        return new Message.AbortedAssistant(blocks, reasoning, provenance, summary, context, calls, usage);
    }

    private ulong? Count() => _rng.Percent(70) ? (ulong)_rng.Between(0, 200000) : null;

    private ProviderContextBlock Encrypted(ModelIdentity identity)
    {
        ulong? position = _rng.Percent(50) ? (ulong)_rng.Below(4) : null;
        RawJson data = _rng.Below(3) switch
        {
            0 => RawJson.Parse("true"),
            1 => RawJson.Parse(_json.StartObject().Key("id").String("rs_" + Token(16)).Key("encrypted_content").String("gAAAA" + Token(_short ? 24 : 400)).EndObject().Take()),
            _ => RawJson.Parse(_json.StartObject().Key("z").StartArray().Bool(true).Number(-7).EndArray().Key("signature").String(Token(32)).Key("").Null().EndObject().Take()),
        };
        return new ProviderContextBlock(identity, "encrypted_reasoning", position, data);
    }

    private ContentBlock.Image Image()
    {
        int bytes = _rng.Between(12, _short ? 90 : 3000);
        var raw = new byte[bytes];
        for (int i = 0; i < bytes; i++)
        {
            raw[i] = (byte)_rng.Next();
        }

        return new ContentBlock.Image(Convert.ToBase64String(raw), _rng.Pick(MimeTypes));
    }

    private string CallId()
    {
        _calls++;
        int roll = _rng.Below(20);
        if (roll == 0)
        {
            return "fc-" + _calls.ToString(CultureInfo.InvariantCulture) + "-é";
        }

        return (roll < 12 ? "call_" : "toolu_01") + Token(roll < 12 ? 24 : 22);
    }

    private string Token(int length)
    {
        var id = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            id.Append(IdAlphabet[_rng.Below(IdAlphabet.Length)]);
        }

        return id.ToString();
    }

    // Object keys in the order rho 1.47 keeps them (as received, not sorted); numbers as it writes them back
    // (integers plainly, floats with a '.', nothing past 15 significant digits, no exponents).
    private RawJson Arguments(string tool)
    {
        JsonTextBuilder json = _json.StartObject();
        switch (tool)
        {
            case "bash":
                json.Key("command").String(_rng.Percent(20) ? "echo '" + NastyText.Fragment(ref _rng) + "'" : SyntheticText.Command(ref _rng));
                if (_rng.Percent(20))
                {
                    json.Key("timeout_ms").Number(120000);
                }

                break;
            case "read_file":
                json.Key("path").String(SyntheticText.Path(ref _rng));
                if (_rng.Percent(40))
                {
                    json.Key("offset").Number(_rng.Between(0, 3000)).Key("limit").Number(200);
                }

                break;
            case "edit_file":
                json.Key("path").String(SyntheticText.Path(ref _rng)).Key("edits").StartArray();
                for (int i = _rng.Between(1, 2); i > 0; i--)
                {
                    json.StartObject().Key("old_text").String(Code(_short ? 20 : 200)).Key("new_text").String(Code(_short ? 20 : 300)).EndObject();
                }

                json.EndArray().Key("dry_run").Bool(false);
                break;
            case "web_search":
                json.Key("z").StartArray().Bool(true).EndArray()
                    .Key("query").String(SyntheticText.Word(ref _rng) + " " + NastyText.Fragment(ref _rng))
                    .Key("").Null()
                    .Key("score").Literal(_rng.Pick(Floats))
                    .Key("depth").Number(-_rng.Between(1, 9))
                    .Key("filters").StartObject().Key("site").String("docs.rs").Key("nested").StartArray().StartArray().Number(0).EndArray().EndArray().EndObject();
                break;
            default:
                json.Key("path").String(SyntheticText.Path(ref _rng)).Key("content").String(Code(_short ? 30 : 800));
                break;
        }

        json.EndObject();
        return RawJson.Parse(json.Take());
    }

    private static readonly string[] Floats = ["0.25", "1.5", "-3.75", "1818.5", "100.0", "0.1", "123456.789"];

    private string Code(int chars)
    {
        var code = new StringBuilder(chars + 80);
        SyntheticText.Code(ref _rng, code, _rng.Between(chars / 4 + 1, chars), numberedFrom: 0);
        return code.ToString();
    }

    private void Output(string tool, bool ok)
    {
        if (_short)
        {
            _text.Append(ok ? "" : "error:");
            Prose(0, 40);
        }
        else if (!ok)
        {
            SyntheticText.Failure(ref _rng, _text, tool);
        }
        else
        {
            switch (tool)
            {
                case "read_file":
                    SyntheticText.Code(ref _rng, _text, _rng.Octaves(150, 7), numberedFrom: _rng.Between(1, 2000));
                    break;
                case "bash":
                    SyntheticText.ShellOutput(ref _rng, _text, _rng.Octaves(60, 8));
                    break;
                case "web_search":
                    SyntheticText.SearchHits(ref _rng, _text, _rng.Octaves(60, 7));
                    break;
                default:
                    _text.Append("Wrote ").Append(_rng.Between(100, 30000).ToString(CultureInfo.InvariantCulture)).Append(" bytes to ").Append(SyntheticText.Path(ref _rng));
                    break;
            }
        }

        MaybeNasty(_short ? 40 : 8);
    }

    /// <summary>Prose of a length in the range, with nasty fragments in about one text of two (short) or eight.</summary>
    private void Prose(int min, int max)
    {
        if (_short)
        {
            // A few words: short sessions are for tests that read a file once per byte offset.
            for (int i = _rng.Between(1, 2 + max / 10); i > 0; i--)
            {
                _text.Append(_text.Length == 0 ? "" : " ").Append(SyntheticText.Word(ref _rng));
            }
        }
        else
        {
            SyntheticText.Prose(ref _rng, _text, _rng.Between(min, max));
        }

        MaybeNasty(_short ? 50 : 12);
    }

    private void MaybeNasty(int percent)
    {
        if (_rng.Percent(percent))
        {
            NastyText.Append(ref _rng, _text);
        }
    }

    private static RawJson JsonString(string value)
    {
        var quoted = new StringBuilder(value.Length + 8);
        JsonTextBuilder.Quote(quoted, value);
        return RawJson.Parse(quoted.ToString());
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Rho.Fast.Serialization;

namespace Rho.Fast.Synthetic;

/// <summary>
/// Produces a coding-assistant conversation one group at a time: a system prompt, then rounds of a user
/// prompt, zero to six tool turns (an assistant message with one to three tool calls followed by
/// their results in order, some failed) and an assistant answer. A group is a single message or a
/// whole tool turn, so cutting a conversation between groups never leaves a turn unanswered.
/// </summary>
internal sealed class SyntheticConversation
{
    // Weighted like the tool mix of a real coding session: bash most, then reading, editing, searching.
    private static readonly string[] ToolNames =
    [
        "bash", "bash", "bash", "bash", "bash", "bash", "bash",
        "read_file", "read_file", "read_file", "read_file",
        "edit_file", "edit_file", "edit_file",
        "search", "search",
        "list_dir", "list_dir",
        "write_file",
    ];

    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly StringBuilder _text = new(4096);
    private readonly JsonTextBuilder _json = new();
    private SplitMix64 _rng;
    private long _clock;
    private bool _started;
    private int _toolTurnsLeft = -1;

    public SyntheticConversation(ulong seed)
    {
        _rng = new SplitMix64(seed);
        StartSeconds = 1_757_000_000 + (long)(seed % 10_000_000);
        _clock = StartSeconds;
    }

    /// <summary>The Unix time of the session's start.</summary>
    public long StartSeconds { get; }

    /// <summary>Replaces the contents of <paramref name="group"/> with the next group of entries.</summary>
    public void NextGroup(List<SessionEntry.MessageEntry> group)
    {
        group.Clear();
        if (!_started)
        {
            _started = true;
            group.Add(Entry(SystemPrompt()));
        }
        else if (_toolTurnsLeft < 0)
        {
            group.Add(Entry(UserPrompt()));
            _toolTurnsLeft = _rng.Below(7);
        }
        else if (_toolTurnsLeft > 0)
        {
            _toolTurnsLeft--;
            ToolTurn(group);
        }
        else
        {
            _toolTurnsLeft = -1;
            group.Add(Entry(Answer()));
        }
    }

    /// <summary>A single assistant answer, to end a conversation that has no room for another whole group.</summary>
    public SessionEntry.MessageEntry Closing() => Entry(Answer());

    private SessionEntry.MessageEntry Entry(Message message)
    {
        _clock += _rng.Between(0, 40);
        return new SessionEntry.MessageEntry(_clock.ToString(CultureInfo.InvariantCulture), message);
    }

    private Message SystemPrompt()
    {
        _text.Clear();
        _text.Append("You are rho, a coding assistant working in a Rust repository. Be terse; prefer tools over guessing.\n\n");
        SyntheticText.Prose(ref _rng, _text, _rng.Between(200, 900));
        return Message.SystemText(_text.ToString());
    }

    private Message UserPrompt()
    {
        _text.Clear();
        SyntheticText.Prose(ref _rng, _text, _rng.Between(30, 260));
        int kind = _rng.Below(20);
        if (kind < 3)
        {
            _text.Append("\n\n```\n");
            SyntheticText.ShellOutput(ref _rng, _text, _rng.Octaves(300, 4));
            _text.Append("```");
        }
        else if (kind == 3)
        {
            string first = _text.ToString();
            _text.Clear();
            SyntheticText.Code(ref _rng, _text, _rng.Octaves(300, 4), numberedFrom: _rng.Between(1, 900));
            return new Message.User([new ContentBlock.Text(first), new ContentBlock.Text(_text.ToString())]);
        }

        return Message.UserText(_text.ToString());
    }

    private Message Answer()
    {
        _text.Clear();
        SyntheticText.Markdown(ref _rng, _text, _rng.Octaves(150, 5));
        return Message.AssistantText(_text.ToString());
    }

    private void ToolTurn(List<SessionEntry.MessageEntry> group)
    {
        int roll = _rng.Below(100);
        int calls = roll < 62 ? 1 : roll < 89 ? 2 : 3;
        var blocks = new List<ContentBlock>(calls + 1);
        if (_rng.Percent(35))
        {
            _text.Clear();
            SyntheticText.Prose(ref _rng, _text, _rng.Between(60, 400));
            blocks.Add(new ContentBlock.Text(_text.ToString()));
        }

        var names = new string[calls];
        var ids = new string[calls];
        for (int i = 0; i < calls; i++)
        {
            names[i] = _rng.Pick(ToolNames);
            ids[i] = CallId();
            blocks.Add(new ContentBlock.ToolCall(new ToolInvocation(ids[i], names[i], Arguments(names[i]))));
        }

        group.Add(Entry(new Message.Assistant(blocks)));
        for (int i = 0; i < calls; i++)
        {
            bool ok = !_rng.Percent(15);
            _text.Clear();
            if (ok)
            {
                Output(names[i]);
            }
            else
            {
                SyntheticText.Failure(ref _rng, _text, names[i]);
            }

            group.Add(Entry(Message.ToolResultFor(ids[i], ok, _text.ToString())));
        }
    }

    private string CallId()
    {
        int roll = _rng.Below(20);
        string prefix = roll < 12 ? "call_" : roll < 19 ? "toolu_01" : "call-";
        int length = roll < 12 ? 24 : 22;
        var id = new StringBuilder(prefix, prefix.Length + length);
        for (int i = 0; i < length; i++)
        {
            id.Append(IdAlphabet[_rng.Below(IdAlphabet.Length)]);
        }

        return id.ToString();
    }

    private RawJson Arguments(string tool)
    {
        JsonTextBuilder json = _json.StartObject();
        switch (tool)
        {
            case "read_file":
                if (_rng.Percent(40))
                {
                    json.Key("limit").Number(_rng.Pick(Limits)).Key("offset").Number(_rng.Between(0, 3000));
                }

                json.Key("path").String(SyntheticText.Path(ref _rng));
                break;
            case "bash":
                json.Key("command").String(SyntheticText.Command(ref _rng));
                if (_rng.Percent(20))
                {
                    json.Key("timeout_ms").Number(120000);
                }

                break;
            case "edit_file":
                json.Key("dry_run").Bool(false).Key("edits").StartArray();
                for (int i = _rng.Between(1, 3); i > 0; i--)
                {
                    json.StartObject().Key("new_text").String(CodeText(_rng.Octaves(40, 6))).Key("old_text").String(CodeText(_rng.Octaves(30, 5))).EndObject();
                }

                json.EndArray().Key("path").String(SyntheticText.Path(ref _rng));
                break;
            case "write_file":
                json.Key("content").String(CodeText(_rng.Octaves(100, 6))).Key("path").String(SyntheticText.Path(ref _rng));
                break;
            case "search":
                json.Key("options").StartObject()
                    .Key("case_insensitive").Bool(_rng.Percent(30))
                    .Key("context_lines").Number(_rng.Below(4));
                if (_rng.OneIn(40))
                {
                    // Deep nesting, as real arguments occasionally have: ~110 levels in the line, past
                    // System.Text.Json's default MaxDepth of 64.
                    json.Key("filter");
                    for (int i = 0; i < 100; i++)
                    {
                        json.StartArray();
                    }

                    json.String(SyntheticText.Word(ref _rng));
                    for (int i = 0; i < 100; i++)
                    {
                        json.EndArray();
                    }
                }

                json.Key("fuzzy").Null().Key("max_results").Number(100).Key("temperature").Literal("0.25").EndObject()
                    .Key("paths").StartArray().String("src").String("tests").EndArray()
                    .Key("pattern").String("fn " + SyntheticText.Identifier(ref _rng) + "\\(");
                break;
            default:
                json.Key("ignore").StartArray().String("target").String(".git").String("node_modules").EndArray()
                    .Key("max_depth").Number(_rng.Between(1, 4))
                    .Key("path").String("/home/u/proj/" + SyntheticText.Word(ref _rng))
                    .Key("recursive").Bool(_rng.Percent(50));
                break;
        }

        json.EndObject();
        return RawJson.Parse(json.Take());
    }

    private static readonly int[] Limits = [50, 100, 200, 400];

    private string CodeText(int chars)
    {
        var code = new StringBuilder(chars + 80);
        SyntheticText.Code(ref _rng, code, chars, numberedFrom: 0);
        return code.ToString();
    }

    private void Output(string tool)
    {
        switch (tool)
        {
            case "read_file":
                SyntheticText.Code(ref _rng, _text, _rng.Octaves(150, 7), numberedFrom: _rng.Between(1, 2000));
                break;
            case "bash":
                SyntheticText.ShellOutput(ref _rng, _text, _rng.Octaves(60, 8));
                break;
            case "search":
                SyntheticText.SearchHits(ref _rng, _text, _rng.Octaves(60, 7));
                break;
            case "list_dir":
                SyntheticText.DirectoryTree(ref _rng, _text, _rng.Octaves(80, 5));
                break;
            case "edit_file":
                string path = SyntheticText.Path(ref _rng);
                _text.Append("Applied edit to ").Append(path).Append("\n--- a/").Append(path).Append("\n+++ b/").Append(path).Append("\n@@ -")
                    .Append(_rng.Between(1, 500).ToString(CultureInfo.InvariantCulture)).Append(",7 +").Append(_rng.Between(1, 500).ToString(CultureInfo.InvariantCulture)).Append(",9 @@\n");
                SyntheticText.Code(ref _rng, _text, _rng.Octaves(60, 5), numberedFrom: 0);
                break;
            default:
                _text.Append("Wrote ").Append(_rng.Between(100, 30000).ToString(CultureInfo.InvariantCulture)).Append(" bytes to ").Append(SyntheticText.Path(ref _rng));
                break;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using Rho.Fast.Serialization;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// CsCheck generators of session content: strings full of control characters, quotes, escapes,
/// non-ASCII and emoji (never a lone surrogate, which a Rust string cannot hold), arbitrary JSON
/// arguments, well-formed tool turns, and histories with broken ones.
/// </summary>
internal static class SessionGen
{
    /// <summary>Text as sessions hold it, and worse.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
            (10, Gen.Char[' ', '~'].Array[1, 12].Select(chars => new string(chars))),
            (3, Gen.Char['\u0000', '\u001f'].Select(c => c.ToString())),
            (3, Gen.OneOf("\"", "\\", "/", "\u007f", "\u2028", "\u2029", "\u00a0", "\ufeff", "\r\n", "\n", "\t", "\r", "\\u0041", "</script>")),
            (3, Gen.Char['\u0080', '\ud7ff'].Select(c => c.ToString())),
            (1, Gen.Char['\ue000', '\ufffd'].Select(c => c.ToString())),
            (2, Gen.Int[0x1F300, 0x1FAFF].Select(char.ConvertFromUtf32)),
            (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)))
        .Array[0, 24]
        .Select(string.Concat);

    /// <summary>Tool call ids: mostly plain, sometimes as odd as any text.</summary>
    public static readonly Gen<string> Id = Gen.Frequency(
        (4, Gen.Int[0, 999_999].Select(n => "call_" + n.ToString(CultureInfo.InvariantCulture))),
        (1, Text));

    /// <summary>A JSON value, as any valid JSON text without a line break (spaces, tabs and <c>\r</c> may separate tokens).</summary>
    public static readonly Gen<string> Json = Gen.Recursive<string>((depth, self) =>
    {
        Gen<string> leaf = Gen.Frequency(
            (1, Gen.OneOf("null", "true", "false", "0", "-0", "1e5", "-1.5E-7", "[]", "{}")),
            (3, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
            (2, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
            (4, Text.Select(JsonString)));
        if (depth >= 5)
        {
            return leaf;
        }

        Gen<string> space = Gen.OneOf("", "", "", "", " ", "\t", "\r", " \r\t ");
        Gen<string> array = Gen.Select(self.Array[0, 5], space, (items, s) => "[" + s + string.Join("," + s, items) + s + "]");
        Gen<string> obj = Gen.Select(Gen.Select(Text, self).Array[0, 5], space, (pairs, s) =>
            "{" + s + string.Join("," + s, pairs.Select(p => JsonString(p.Item1) + s + ":" + s + p.Item2)) + s + "}");
        return Gen.Frequency((3, leaf), (1, array), (2, obj));
    });

    public static readonly Gen<ContentBlock> TextBlock = Text.Select(ContentBlock (t) => new ContentBlock.Text(t));

    public static readonly Gen<ToolInvocation> Call = Gen.Select(Id, Gen.OneOf("bash", "read_file", "edit_file", "ünïcode-tool"), Json, (id, name, args) => new ToolInvocation(id, name, RawJson.Parse(args)));

    /// <summary>A message that is not part of a tool turn.</summary>
    public static readonly Gen<Message> Single = Gen.Frequency(
        (1, Text.Select(Message.SystemText)),
        (4, TextBlock.Array[1, 3].Select(Message (blocks) => new Message.User(blocks))),
        (3, TextBlock.Array[0, 3].Select(Message (blocks) => new Message.Assistant(blocks))),
        (1, Gen.Select(Id, Gen.Bool, Text, Message.ToolResultFor)));

    /// <summary>A complete tool turn: an assistant message with one to four calls, maybe with text, then each result in order.</summary>
    public static readonly Gen<Message[]> ToolTurn = Gen.Select(TextBlock.Array[0, 2], Call.Array[1, 4], Gen.Bool.Array[4], Text.Array[4], (texts, calls, oks, outputs) =>
    {
        var blocks = new List<ContentBlock>(texts);
        blocks.InsertRange(blocks.Count == 0 ? 0 : 1, calls.Select(ContentBlock (c) => new ContentBlock.ToolCall(c)));
        var turn = new List<Message> { new Message.Assistant(blocks) };
        turn.AddRange(calls.Select((c, i) => Message.ToolResultFor(c.Id, oks[i], outputs[i])));
        return turn.ToArray();
    });

    /// <summary>A history that the reader keeps whole: singles and complete tool turns.</summary>
    public static readonly Gen<Message[]> WellFormed = Gen.Frequency(
            (3, Single.Select(m => new[] { m })),
            (1, ToolTurn))
        .Array[0, 20]
        .Select(units => units.SelectMany(u => u).ToArray());

    /// <summary>Any sequence: turns missing results, results out of order or for other ids, orphan results.</summary>
    public static readonly Gen<Message[]> AnyShape = Gen.Frequency(
            (3, Single.Select(m => new[] { m })),
            (2, ToolTurn),
            (2, Gen.Select(ToolTurn, Gen.Int[0, 5], Gen.Int[0, 3], (turn, keep, shuffle) => Break(turn, keep, shuffle))))
        .Array[0, 12]
        .Select(units => units.SelectMany(u => u).ToArray());

    /// <summary>The bytes of a session file holding <paramref name="messages"/>, as the store writes them.</summary>
    public static byte[] File(IEnumerable<Message> messages)
    {
        var file = new MemoryStream();
        Write(file, new SessionEntry.Header(1, "00000000-0000-4000-8000-000000000000", "1757811590", "/home/u/ø"));
        foreach (Message message in messages)
        {
            Write(file, new SessionEntry.MessageEntry("1757811591", message));
        }

        return file.ToArray();
    }

    private static void Write(MemoryStream file, SessionEntry entry)
    {
        file.Write(Wire.SerializeToUtf8Bytes(entry));
        file.WriteByte((byte)'\n');
    }

    private static Message[] Break(Message[] turn, int keep, int shuffle)
    {
        // Keep fewer results, swap two, or answer a different id.
        var broken = turn.Take(Math.Min(turn.Length, 1 + keep)).ToList();
        if (shuffle == 1 && broken.Count >= 3)
        {
            (broken[1], broken[2]) = (broken[2], broken[1]);
        }
        else if (shuffle == 2 && broken.Count >= 2)
        {
            broken[^1] = Message.ToolResultFor("not-" + ((Message.ToolResult)broken[^1]).Result.Id, true, "x");
        }

        return broken.ToArray();
    }

    private static readonly JsonSerializerOptions Escaping = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON string literal in System.Text.Json's escaping, which differs from serde_json's: raw bytes must survive either way.</summary>
    private static string JsonString(string text) => JsonSerializer.Serialize(text, Escaping);

    public static string Describe(IEnumerable<Message> messages) =>
        string.Join("\n", messages.Select(m => Encoding.UTF8.GetString(Wire.SerializeToUtf8Bytes(m))));
}

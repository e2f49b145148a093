using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>Strings and numbers come out exactly as serde_json writes them (serde_json-forms.tsv).</summary>
public sealed class EscapingTests
{
    public static IEnumerable<object[]> CharacterForms()
    {
        foreach (string[] row in Forms())
        {
            string name = row[0];
            string? text = name switch
            {
                _ when name.StartsWith("char U+", StringComparison.Ordinal) => char.ConvertFromUtf32(int.Parse(name[7..], NumberStyles.HexNumber)),
                _ when name.StartsWith("U+", StringComparison.Ordinal) => char.ConvertFromUtf32(int.Parse(name[2..], NumberStyles.HexNumber)),
                "quote" => "\"",
                "backslash" => "\\",
                "slash" => "/",
                "lt gt amp apos" => "<>&'",
                "CJK U+4E2D" => "中",
                "emoji U+1F600" => "😀",
                _ => null,
            };
            if (text is not null)
            {
                yield return [name, text, row[1]];
            }
        }
    }

    public static IEnumerable<object[]> DoubleForms()
    {
        foreach (string[] row in Forms())
        {
            if (row[0].StartsWith("f64 ", StringComparison.Ordinal) && !row[0].Contains("via json!"))
            {
                yield return [row[0], double.Parse(row[0][4..], CultureInfo.InvariantCulture), row[1]];
            }
        }
    }

    [Theory]
    [MemberData(nameof(CharacterForms))]
    public void Strings_are_escaped_as_serde_json_escapes_them(string name, string text, string expected)
    {
        Assert.Equal(expected, Wire.Serialize(new ContentBlock.Text(text))["{\"Text\":".Length..^1]);
        Assert.Equal(text, ((ContentBlock.Text)Wire.Deserialize<ContentBlock>("{\"Text\":" + expected + "}")).Value);
        _ = name;
    }

    [Theory]
    [MemberData(nameof(DoubleForms))]
    public void Doubles_are_written_as_serde_json_writes_them(string name, double value, string expected)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WireWrite.Double(writer, value);
        }

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
        _ = name;
    }

    [Fact]
    public void Non_finite_doubles_are_written_as_null_like_serde_json()
    {
        foreach (double value in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                WireWrite.Double(writer, value);
            }

            Assert.Equal("null", Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
    }

    [Fact]
    public void Every_escape_in_one_long_string_is_exact()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            text.Append((char)(i % 0x60)).Append("é中😀");
        }

        Assert.Equal(SerdeRendering(text.ToString()), Wire.Serialize(Message.SystemText(text.ToString()))["{\"System\":".Length..^1]);
    }

    [Fact]
    public void Random_mixes_of_every_kind_of_char_are_escaped_exactly_at_every_offset()
    {
        // Pieces placed at every offset around the 16-char blocks the writer reads, checked against
        // a char-by-char rendering of serde_json's rules.
        string[] pieces = ["a", "Z", " ", "~", "\u007f", "\"", "\\", "\n", "\t", "\b", "\f", "\r", "\u0000", "\u001b", "é", "ß", "中", "\uFFFD", "😀", "\uD800", "\uDC00", "/", "<"];
        var random = new Random(4321);
        for (int trial = 0; trial < 4000; trial++)
        {
            var text = new StringBuilder();
            int count = random.Next(0, 48);
            for (int i = 0; i < count; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            string value = text.ToString();
            Assert.Equal(SerdeRendering(value), Wire.Serialize(Message.SystemText(value))["{\"System\":".Length..^1]);
        }
    }

    [Fact]
    public void Lone_surrogates_are_written_as_the_replacement_character()
    {
        // Rust strings cannot hold them; writing U+FFFD keeps the output valid UTF-8 that serde reads.
        Assert.Equal("{\"System\":\"a\uFFFDb\uFFFD\"}", Wire.Serialize(Message.SystemText("a\uD800b\uDC00")));
    }

    [Fact]
    public void Lone_surrogate_escapes_are_rejected_on_reading_as_serde_does()
    {
        Assert.Throws<WireFormatException>(() => Wire.Deserialize<Message>("{\"System\":\"\\ud800\"}"));
        Assert.Throws<WireFormatException>(() => Wire.Deserialize<Message>("{\"System\":\"\\udc00x\"}"));
    }

    [Fact]
    public void The_writer_ignores_the_encoder_of_a_json_serializer()
    {
        // Inside JsonSerializer the converter still writes serde's bytes, whatever encoder is set.
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default };
        Message message = Message.UserText("<é \"😀\">\u001f");
        Assert.Equal(Wire.Serialize(message), JsonSerializer.Serialize(message, Rho.Fast.Tests.TestJsonContext.Default.Message));
        Assert.Equal(Wire.Serialize(message), JsonSerializer.Serialize(message, new TestJsonContext(options).Message));
    }

    /// <summary>serde_json's string form, one char at a time: the slow, obvious rendering.</summary>
    private static string SerdeRendering(string value)
    {
        var rendered = new StringBuilder("\"");
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                rendered.Append(c).Append(value[++i]);
                continue;
            }

            rendered.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                < ' ' => "\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ when char.IsSurrogate(c) => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return rendered.Append('"').ToString();
    }

    private static IEnumerable<string[]> Forms()
    {
        foreach (string line in File.ReadLines(Vectors.PathOf("serde_json-forms.tsv")))
        {
            string[] row = line.Split('\t');
            if (row.Length == 2)
            {
                yield return row;
            }
        }
    }
}

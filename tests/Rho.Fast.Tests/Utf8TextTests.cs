using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>Text kept as the JSON it was read from decodes, compares, hashes and writes back as the same text made from a string.</summary>
public sealed class Utf8TextTests
{
    public static IEnumerable<object[]> Samples() =>
    [
        [""], ["plain ascii"], ["tab\there \"quoted\" back\\slash"], ["line1\nline2\r\n"], ["ctl \u0001\u001f\u007f"],
        ["héllo wörld 日本語"], ["emoji 😀🎉 and U+2028 \u2028"], ["/slash </script>"], ["\u0000nul"], [new string('x', 300) + "\n" + new string('é', 200)],
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Text_read_from_serde_json_is_the_string_it_was_written_from(string value)
    {
        Utf8Text read = ReadBack(Serde(value));

        Assert.Equal(value, read.ToString());
        Assert.True(read.Equals(value));
        Assert.Equal(new Utf8Text(value), read);
        Assert.True(read == value);
        Assert.Equal(new Utf8Text(value).GetHashCode(), read.GetHashCode());
        Assert.Equal(Encoding.UTF8.GetBytes(Serde(value)), Json(read));
        Assert.Equal(Encoding.UTF8.GetBytes(value), Utf8(read));
        Assert.Equal(value.Length == 0, read.IsEmpty);
    }

    [Fact]
    public void Random_strings_round_trip_through_their_serde_form()
    {
        var random = new Random(20261201);
        char[] alphabet = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f', 'é', '€', '\u2028', '\ufeff'];
        for (int i = 0; i < 2_000; i++)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 80);
            for (int j = 0; j < length; j++)
            {
                if (random.Next(10) == 0)
                {
                    builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF)));
                }
                else
                {
                    builder.Append(alphabet[random.Next(alphabet.Length)]);
                }
            }

            string value = builder.ToString();
            Utf8Text read = ReadBack(Serde(value));
            Assert.Equal(value, read.ToString());
            Assert.Equal(new Utf8Text(value), read);
            Assert.Equal(new Utf8Text(value).GetHashCode(), read.GetHashCode());
            Assert.Equal(Encoding.UTF8.GetBytes(Serde(value)), Json(read));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Text_is_written_the_same_with_or_without_its_quotes_around_it_in_the_array(string value)
    {
        byte[] json = Encoding.UTF8.GetBytes(Serde(value));
        byte[] bare = [.. "xx"u8, .. json.AsSpan(1, json.Length - 2), .. "yy"u8];
        Utf8Text quoted = ReadBack(Serde(value));
        Utf8Text unquoted = Utf8Text.FromJson(bare, 2, json.Length - 2);

        Assert.Equal(json, Json(quoted));
        Assert.Equal(json, Json(unquoted));
        Assert.Equal(json, WireJson(quoted));
        Assert.Equal(json, WireJson(unquoted));
    }

    [Theory]
    [InlineData("\"\\u00e9t\\u00E9\"", "été")]
    [InlineData("\"a\\/b\"", "a/b")]
    [InlineData("\"\\u0041\\u000A\"", "A\n")]
    [InlineData("\"\\ud83d\\ude00\"", "😀")]
    [InlineData("\"\\u001F\"", "\u001f")]
    public void Escapes_serde_does_not_write_decode_and_are_written_back_in_serde_form(string json, string value)
    {
        Utf8Text read = ReadBack(json);

        Assert.False(SerdeEscaping.IsCanonical(StringScanner.Classify(Body(json))));
        Assert.Equal(value, read.ToString());
        Assert.Equal(new Utf8Text(value), read);
        Assert.Equal(new Utf8Text(value).GetHashCode(), read.GetHashCode());
        Assert.Equal(Encoding.UTF8.GetBytes(Serde(value)), Json(read));
    }

    [Theory]
    [InlineData("a\\\"b\\\\c\\n\\r\\t\\b\\f", true)]
    [InlineData("\\u0000\\u001f\\u007f", false)]
    [InlineData("\\u0001", true)]
    [InlineData("\\u000a", false)]
    [InlineData("plain", true)]
    public void Serde_escaping_is_told_from_other_escaping(string body, bool serde) =>
        Assert.Equal(serde, SerdeEscaping.IsCanonical(StringScanner.Classify(Encoding.UTF8.GetBytes(body))));

    [Fact]
    public void A_lone_surrogate_is_written_as_U_FFFD_and_equals_only_its_own_string()
    {
        var text = new Utf8Text("a\ud800b");

        Assert.Equal("\"a\ufffdb\"", Encoding.UTF8.GetString(Json(text)));
        Assert.Equal(new Utf8Text("a\ud800b"), text);
        Assert.NotEqual(ReadBack("\"a\ufffdb\""), text);
    }

    [Fact]
    public void Plain_text_is_its_own_utf8_and_default_is_empty()
    {
        Assert.True(ReadBack("\"plain é\"").TryGetUtf8(out ReadOnlySpan<byte> utf8));
        Assert.Equal(Encoding.UTF8.GetBytes("plain é"), utf8.ToArray());
        Assert.False(ReadBack("\"a\\nb\"").TryGetUtf8(out _));
        Assert.False(new Utf8Text("made").TryGetUtf8(out _));
        Assert.True(default(Utf8Text).IsEmpty);
        Assert.Equal(Utf8Text.Empty, default);
        Assert.Equal("", default(Utf8Text).ToString());
    }

    /// <summary>The string as serde_json writes it (the escaper is checked against serde_json's own output elsewhere).</summary>
    private static string Serde(string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, Wire.WriterOptions))
        {
            WireWrite.String(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static ReadOnlySpan<byte> Body(string json) => Encoding.UTF8.GetBytes(json).AsSpan(1, Encoding.UTF8.GetByteCount(json) - 2);

    private static Utf8Text ReadBack(string json)
    {
        // The body sits inside a larger buffer, as it does in a read's buffer.
        byte[] buffer = [.. "xx"u8, .. Encoding.UTF8.GetBytes(json), .. "yy"u8];
        return Utf8Text.FromJson(buffer, 3, buffer.Length - 6);
    }

    private static byte[] Json(Utf8Text text)
    {
        var writer = new ArrayBufferWriter<byte>();
        int written = text.WriteJsonTo(writer);
        Assert.Equal(writer.WrittenCount, written);
        return writer.WrittenSpan.ToArray();
    }

    private static byte[] WireJson(Utf8Text text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, Wire.WriterOptions))
        {
            text.WriteWire(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Utf8(Utf8Text text)
    {
        var writer = new ArrayBufferWriter<byte>();
        int written = text.CopyUtf8To(writer);
        Assert.Equal(writer.WrittenCount, written);
        return writer.WrittenSpan.ToArray();
    }
}

using System;
using System.Text;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>The one-pass unescaper agrees with System.Text.Json and rejects what serde rejects.</summary>
public sealed class JsonUnescapeTests
{
    [Theory]
    [InlineData(@"plain")]
    [InlineData(@"a\nb\tc\rd\be\ff\/g\\h\""i")]
    [InlineData(@"\u00e9\u4e2d\ud83d\ude00\u2028\u0000\u001f")]
    [InlineData(@"\uD83D\uDE00 upper-case hex")]
    [InlineData(@"é中😀 then \n and more é中😀")]
    [InlineData(@"\\\\\\\""")]
    public void Decodes_like_system_text_json(string body)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(body);
        string expected = System.Text.Json.JsonSerializer.Deserialize<string>("\"" + body + "\"")!;
        Assert.Equal(expected, JsonUnescape.ToString(utf8));
    }

    [Fact]
    public void A_long_string_with_escapes_every_few_bytes_decodes()
    {
        var body = new StringBuilder();
        var expected = new StringBuilder();
        for (int i = 0; i < 5000; i++)
        {
            body.Append("line ").Append(i).Append(" é \\\"q\\\"\\n");
            expected.Append("line ").Append(i).Append(" é \"q\"\n");
        }

        Assert.Equal(expected.ToString(), JsonUnescape.ToString(Encoding.UTF8.GetBytes(body.ToString())));
    }

    [Fact]
    public void Random_mixes_of_escapes_and_multibyte_text_decode_like_system_text_json_at_every_offset()
    {
        // Pieces of every kind, placed at every offset around the 16-byte blocks the decoder reads.
        string[] pieces = ["a", "Z", "~", " ", "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u00e9", "\\u4E2D", "\\ud83d\\ude00", "é", "中", "😀", "\u007f"];
        var random = new Random(1234);
        for (int trial = 0; trial < 4000; trial++)
        {
            var body = new StringBuilder();
            int count = random.Next(0, 40);
            for (int i = 0; i < count; i++)
            {
                body.Append(pieces[random.Next(pieces.Length)]);
            }

            string text = body.ToString();
            string expected = System.Text.Json.JsonSerializer.Deserialize<string>("\"" + text + "\"")!;
            Assert.Equal(expected, JsonUnescape.ToString(Encoding.UTF8.GetBytes(text)));
        }
    }

    [Fact]
    public void Invalid_utf8_is_rejected_wherever_it_falls()
    {
        byte[][] invalid = [[0xFF], [0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80]];
        for (int offset = 0; offset < 40; offset++)
        {
            foreach (byte[] bad in invalid)
            {
                byte[] body = [.. Encoding.UTF8.GetBytes(new string('x', offset)), .. bad, .. "tail \\n and more plain text"u8];
                Assert.Throws<FormatException>(() => JsonUnescape.ToString(body));
            }
        }
    }

    [Theory]
    [InlineData(@"\ud800")]
    [InlineData(@"\ud800x")]
    [InlineData(@"\ud800\u0041")]
    [InlineData(@"\udc00")]
    [InlineData(@"a\ude00b")]
    public void Lone_surrogates_are_rejected(string body)
    {
        Assert.Throws<FormatException>(() => JsonUnescape.ToString(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Invalid_utf8_is_rejected()
    {
        Assert.Throws<FormatException>(() => JsonUnescape.ToString([(byte)'a', 0xFF, (byte)'\\', (byte)'n']));
    }
}

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

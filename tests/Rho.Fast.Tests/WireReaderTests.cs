using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>
/// <see cref="WireReader"/> against serde_json's grammar, rule by rule, and against
/// <see cref="Utf8JsonReader"/> (through <see cref="JsonTokenOracle"/>) on every input here: the
/// same decision and the same tokens.
/// </summary>
public sealed class WireReaderTests
{
    public static TheoryData<string> Accepted =>
    [
        "0", "-0", "1", "-1", "10", "1234567890", "0.5", "-0.5", "1.25e3", "1E3", "1e+3", "1e-3", "1.0E-10", "-0e0",
        "1e400", "123456789012345678901234567890",
        "true", "false", "null", "\"\"", "\"a\"", "[]", "{}", "[1]", "[1,2,3]", "{\"a\":1}", "{\"a\":1,\"b\":[true,false,null]}",
        " 1 ", "\t\n\r [ 1 , 2 ] \r\n\t", "{ \"a\" : { \"b\" : [ ] } }", "[[[[]]]]", "[{},{},[]]",
        "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\\u0000\\u001f\\u0041\\u00e9\\u20AC\\uFFFF\"", "\"\\ud83d\\ude00\"", "\"\\uD83D\\uDE00\"",
        "\"é日本😀\"", "\"\u007f\"", "\"\u2028\"", "{\"\":\"\"}", "{\"a\":1,\"a\":2}",
    ];

    public static TheoryData<string> Rejected =>
    [
        "", " ", "\n", "01", "-01", "00", "-", "+1", ".5", "1.", "1.e3", "1e", "1e+", "1e-", "0x10", "1_000", "NaN", "Infinity", "-Infinity",
        "tru", "truee", "True", "nul", "nulll", "f", "falsey", "[1,]", "[,1]", "[1 2]", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\" 1}", "{\"a\":}",
        "{a:1}", "{'a':1}", "{1:1}", "[1}", "{\"a\":1]", "[", "{", "]", "}", "[[]", "{\"a\":{}", "1 2", "[] []", "{}x", "1,",
        "\"", "\"abc", "\"abc\\", "\"\\x\"", "\"\\u\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\U0041\"", "\"\\'\"", "\"\\a\"",
        "\"\t\"", "\"\n\"", "\"\u0001\"", "\"\u001f\"", "\"\0\"",
        "\u00a0 1", "\u000b1", "\u000c1", "// c\n1", "/* c */1", "[1]//", "\u2028 1",
        "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\ud800x\"", "\"\\udc00\\ud800\"", "\"\\ud800\\ud800\"", "\"a\\ud83d\"", "{\"\\udfff\":1}",
    ];

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Serde_json_accepts_it_and_so_do_both_readers(string json)
    {
        byte[] input = Encoding.UTF8.GetBytes(json);
        AssertAgree(input);
        Assert.NotNull(JsonTokenOracle.Ours(input, out Exception? error));
        Assert.Null(error);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Serde_json_rejects_it_and_so_do_both_readers(string json)
    {
        byte[] input = Encoding.UTF8.GetBytes(json);
        AssertAgree(input);
        Assert.Null(JsonTokenOracle.Ours(input, out _));
    }

    [Fact]
    public void Invalid_utf8_is_rejected_anywhere()
    {
        byte[][] bad = [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE2, 0x82]];
        foreach (byte[] sequence in bad)
        {
            byte[] inString = [.. "\"ab"u8, .. sequence, .. "\""u8];
            byte[] outside = [.. "[1,"u8, .. sequence, .. "]"u8];
            foreach (byte[] input in new[] { inString, outside })
            {
                AssertAgree(input);
                var e = Assert.Throws<WireSyntaxException>(() => new WireReader(input));
                Assert.Equal(input.AsSpan().IndexOf(sequence), e.BytePositionInLine);
            }
        }
    }

    [Fact]
    public void Nesting_stops_at_serde_jsons_limit()
    {
        foreach (int depth in new[] { 1, 63, 64, 65, 126, 127, 128, 129, 200 })
        {
            foreach ((string open, string close) in new[] { ("[", "]"), ("{\"k\":", "}"), ("[{\"k\":", "}]") })
            {
                var json = new StringBuilder();
                int containers = 0;
                while (containers < depth)
                {
                    json.Append(open);
                    containers += open.Length == 1 ? 1 : open.StartsWith('[') ? 2 : 1;
                }

                json.Append('1');
                string closing = "";
                for (int i = 0; i < containers; i += close.Length)
                {
                    closing += close;
                }

                json.Append(closing);
                byte[] input = Encoding.UTF8.GetBytes(json.ToString());
                AssertAgree(input);
                Assert.Equal(containers <= Wire.MaxDepth, JsonTokenOracle.Ours(input, out _) is not null);
            }
        }
    }

    [Fact]
    public void The_depth_vectors_keep_their_decision()
    {
        string edge = Path.Combine(Vectors.Directory, "edge");
        foreach ((string name, bool ok) in new[] { ("depth-122-ok.jsonl", true), ("err-depth-123.jsonl", false) })
        {
            byte[] last = DeepestLine(File.ReadAllBytes(Path.Combine(edge, name)));
            AssertAgree(last);
            if (ok)
            {
                Assert.IsType<SessionEntry.MessageEntry>(Wire.Deserialize<SessionEntry>(last));
            }
            else
            {
                var e = Assert.Throws<WireSyntaxException>(() => Wire.Deserialize<SessionEntry>(last));
                Assert.Contains("recursion limit", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_escape_at_every_offset_around_the_block_boundaries()
    {
        string[] escapes = ["\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0041", "\\u00e9", "\\u20ac", "\\ud83d\\ude00", "\\u0000"];
        foreach (string escape in escapes)
        {
            for (int offset = 0; offset <= 140; offset++)
            {
                foreach (int after in new[] { 0, 1, 31, 63, 64, 100 })
                {
                    // The key pushes the string's start off alignment too.
                    string json = "{\"k\":\"" + new string('a', offset) + escape + new string('b', after) + "\"}";
                    byte[] input = Encoding.UTF8.GetBytes(json);
                    AssertAgree(input);
                    var reader = new WireReader(input);
                    Assert.True(reader.Read() && reader.Read() && reader.Read());
                    Assert.True(reader.ValueIsEscaped);
                    Assert.Equal(new string('a', offset) + JsonSerializer.Deserialize<string>("\"" + escape + "\"") + new string('b', after), reader.GetString());
                }
            }
        }
    }

    [Fact]
    public void A_surrogate_pair_split_across_blocks_is_one_character()
    {
        for (int offset = 0; offset <= 140; offset++)
        {
            byte[] input = Encoding.UTF8.GetBytes("\"" + new string('x', offset) + "\\ud83d\\ude00\"");
            AssertAgree(input);
            var reader = new WireReader(input);
            Assert.True(reader.Read());
            Assert.Equal(new string('x', offset) + "😀", reader.GetString());

            byte[] lone = Encoding.UTF8.GetBytes("\"" + new string('x', offset) + "\\ud83d\\u0041\"");
            AssertAgree(lone);
            Assert.Throws<FormatException>(() =>
            {
                var loneReader = new WireReader(lone);
                loneReader.Read();
                return loneReader.GetString();
            });
        }
    }

    [Fact]
    public void A_control_byte_anywhere_in_a_string_is_refused_where_it_is()
    {
        for (int offset = 0; offset <= 140; offset++)
        {
            foreach (byte control in new byte[] { 0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F })
            {
                byte[] input = Encoding.UTF8.GetBytes("[\"" + new string('y', offset) + "?" + new string('z', 70) + "\"]");
                input[2 + offset] = control;
                AssertAgree(input);
                var reader = new WireReader(input);
                Assert.True(reader.Read());
                WireSyntaxException e = ReadAllError(input);
                Assert.Equal(2 + offset, e.BytePositionInLine);
                Assert.Contains("control character", e.Problem, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Strings_longer_than_a_block_with_and_without_escapes()
    {
        var random = new Random(7);
        foreach (int length in new[] { 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000, 70_000 })
        {
            var text = new StringBuilder();
            while (text.Length < length)
            {
                text.Append(random.Next(12) switch
                {
                    0 => "\\n",
                    1 => "é",
                    2 => "😀",
                    3 => "\\u00e9",
                    _ => "plain",
                });
            }

            foreach (string body in new[] { new string('q', length), text.ToString() })
            {
                byte[] input = Encoding.UTF8.GetBytes("[\"" + body + "\",\"" + body + "\"]");
                AssertAgree(input);
                Assert.Equal(4, JsonTokenOracle.Ours(input, out _)!.Count);
            }
        }
    }

    [Fact]
    public void An_unterminated_string_is_found_at_every_length()
    {
        for (int length = 0; length <= 140; length++)
        {
            foreach (string tail in new[] { "", "\\", "\\u", "\\u00", "\\ud83d" })
            {
                byte[] input = Encoding.UTF8.GetBytes("{\"k\":\"" + new string('w', length) + tail);
                AssertAgree(input);
                WireSyntaxException e = ReadAllError(input);
                Assert.Equal("Expected end of string, but instead reached end of data.", e.Problem);
                Assert.Equal(input.Length, e.BytePositionInLine);
            }
        }
    }

    [Fact]
    public void The_vector_scan_finds_what_the_byte_loop_finds()
    {
        var random = new Random(11);
        string[] pieces = ["\\n", "\\\"", "\\u00e9", "\\ud83d\\ude00", "\\u12", "\\x", "\\", "\"", "\u0001", "é", "plain text", "x"];
        for (int n = 0; n < 50_000; n++)
        {
            var text = new StringBuilder();
            int count = random.Next(40);
            for (int i = 0; i < count; i++)
            {
                string piece = pieces[random.Next(pieces.Length)];
                text.Append(piece.Length > 2 || random.Next(8) == 0 ? piece : "abc");
            }

            byte[] buffer = Encoding.UTF8.GetBytes(text.ToString());
            int from = random.Next(buffer.Length + 1);
            int expected = StringScanner.FindStringEndScalar(buffer, from, out StringEscapes expectedEscaped);
            int actual = StringScanner.FindStringEnd(buffer, from, out StringEscapes actualEscaped);
            Assert.Equal(expected, actual);
            if (expected >= 0)
            {
                Assert.Equal(expectedEscaped, actualEscaped);
            }
        }
    }

    [Fact]
    public void The_first_sixteen_bytes_are_scanned_as_the_byte_loop_scans_them()
    {
        // The scan looks at a string's first 16 bytes alone before whole blocks: a quote, then a
        // backslash or a control byte, at every pair of places around that vector's end.
        byte[] marks = [(byte)'\\', 0x01, (byte)'"', (byte)'n'];
        for (int quote = 0; quote < 40; quote++)
        {
            for (int other = 0; other < 40; other++)
            {
                foreach (byte mark in marks)
                {
                    byte[] buffer = new byte[100];
                    buffer.AsSpan().Fill((byte)'w');
                    buffer[other] = mark;
                    buffer[quote] = (byte)'"';
                    foreach (int from in new[] { 0, 1, 3 })
                    {
                        int expected = StringScanner.FindStringEndScalar(buffer, from, out StringEscapes expectedEscapes);
                        Assert.Equal(expected, StringScanner.FindStringEnd(buffer, from, out StringEscapes escapes));
                        if (expected >= 0)
                        {
                            Assert.Equal(expectedEscapes, escapes);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void The_scan_tells_serde_escaping_exactly_when_serde_would_write_the_same_bytes()
    {
        var random = new Random(12);
        string[] pieces =
        [
            "\\n", "\\t", "\\r", "\\b", "\\f", "\\\"", "\\\\", "\\/", "\\u0000", "\\u001f", "\\u001F", "\\u000a",
            "\\u0009", "\\u0041", "\\u00e9", "\\u007f", "\\ud83d\\ude00", "\\uD83D\\uDE00", "\\ud800", "\\udc00x", "é", "abc",
        ];
        for (int n = 0; n < 20_000; n++)
        {
            var body = new StringBuilder();
            int count = random.Next(8);
            for (int i = 0; i < count; i++)
            {
                body.Append(pieces[random.Next(pieces.Length)]);
            }

            byte[] quoted = Encoding.UTF8.GetBytes("\"" + body + "\"");
            Assert.Equal(quoted.Length - 1, StringScanner.FindStringEnd(quoted, 1, out StringEscapes escapes));
            Assert.Equal(escapes, StringScanner.Classify(quoted.AsSpan(1, quoted.Length - 2)));

            string? decoded;
            try
            {
                decoded = JsonSerializer.Deserialize<string>(quoted);
            }
            catch (JsonException e) when (e.InnerException is InvalidOperationException)
            {
                // A lone surrogate: only the flag that sends the text to a closer look may tell.
                Assert.True((escapes & StringEscapes.Surrogate) != 0, body.ToString());
                continue;
            }

            byte[] serde = new byte[SerdeEscaping.MaxQuotedLength(decoded!.Length)];
            int written = SerdeEscaping.WriteQuoted(decoded, serde);
            bool same = serde.AsSpan(0, written).SequenceEqual(quoted);
            Assert.True(same == SerdeEscaping.IsCanonical(escapes), body.ToString());
        }
    }

    [Fact]
    public void Errors_say_what_was_expected_and_where()
    {
        Assert.Equal(("Expected ':' after a property name, found '1'.", 5), Error("{\"a\" 1}"));
        Assert.Equal(("Expected ',' or '}' after a property value, found ']'.", 6), Error("{\"a\":1]"));
        Assert.Equal(("Expected ',' or ']' after an array element, but instead reached end of data.", 2), Error("[1"));
        Assert.Equal(("Expected a property name in double quotes, found '}'.", 7), Error("{\"a\":1,}"));
        Assert.Equal(("']' is an invalid start of a value.", 3), Error("[1,]"));
        Assert.Equal(("'x' is invalid after a single JSON value. Expected end of data.", 3), Error("{} x"));
        Assert.Equal(("Expected a digit after the decimal point, found ']'.", 3), Error("[1.]"));
        Assert.Equal(("'x' cannot follow a backslash: the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX.", 3), Error("\"a\\x\""));
        Assert.Equal(("'g' is not a hex digit: a \\u escape needs four.", 5), Error("\"\\u00g0\""));
        Assert.Equal(("Expected 'true' at the start of this value.", 1), Error("[tru]"));
    }

    [Fact]
    public void Skip_and_depth_follow_Utf8JsonReader()
    {
        byte[] input = "{\"a\":[1,{\"b\":[]}],\"c\":2}"u8.ToArray();
        var ours = new WireReader(input);
        var theirs = new Utf8JsonReader(input);
        Assert.True(ours.Read() && theirs.Read());
        Assert.True(ours.Read() && theirs.Read());
        ours.Skip();
        theirs.Skip();
        Assert.Equal(theirs.TokenType, ours.TokenType);
        Assert.Equal(theirs.BytesConsumed, ours.BytesConsumed);
        Assert.Equal(theirs.CurrentDepth, ours.CurrentDepth);

        // A copy reads on from where it was made, as generated code relies on.
        WireReader copy = ours;
        Assert.True(ours.Read() && ours.Read() && ours.Read());
        Assert.Equal(JsonTokenType.EndObject, ours.TokenType);
        Assert.True(copy.Read());
        Assert.Equal(JsonTokenType.PropertyName, copy.TokenType);
        Assert.Equal("c", copy.GetString());
    }

    [Fact]
    public void Numbers_convert_as_Utf8JsonReader_converts_them()
    {
        string[] numbers = ["0", "-0", "1", "-1", "255", "256", "-128", "-129", "65535", "2147483647", "2147483648", "-2147483649", "4294967295", "4294967296",
            "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616", "1.5", "1e2", "1E400", "-1e400", "1e-400", "0.1", "123456789.123456789"];
        foreach (string number in numbers)
        {
            byte[] input = Encoding.UTF8.GetBytes(number);
            var ours = new WireReader(input);
            var theirs = new Utf8JsonReader(input);
            Assert.True(ours.Read() && theirs.Read());
            Assert.Equal(theirs.TryGetDouble(out double d1) && double.IsFinite(d1), ours.TryGetDouble(out double d2));
            Assert.Equal(double.IsFinite(d1) ? d1 : 0, d2);
            Assert.Equal((theirs.TryGetInt32(out int i1), i1), (ours.TryGetInt32(out int i2), i2));
            Assert.Equal((theirs.TryGetUInt32(out uint u1), u1), (ours.TryGetUInt32(out uint u2), u2));
            Assert.Equal((theirs.TryGetInt64(out long l1), l1), (ours.TryGetInt64(out long l2), l2));
            Assert.Equal((theirs.TryGetUInt64(out ulong ul1), ul1), (ours.TryGetUInt64(out ulong ul2), ul2));
            Assert.Equal((theirs.TryGetInt16(out short s1), s1), (ours.TryGetInt16(out short s2), s2));
            Assert.Equal((theirs.TryGetUInt16(out ushort us1), us1), (ours.TryGetUInt16(out ushort us2), us2));
            Assert.Equal((theirs.TryGetSByte(out sbyte sb1), sb1), (ours.TryGetSByte(out sbyte sb2), sb2));
            Assert.Equal((theirs.TryGetByte(out byte b1), b1), (ours.TryGetByte(out byte b2), b2));
        }
    }

    [Fact]
    public void A_skipped_value_may_hold_a_lone_surrogate_as_serde_json_ignores_it()
    {
        // serde_json checks surrogates only in strings it decodes; an unknown field is skipped.
        byte[] input = "{\"a\":{\"b\":\"\\ud800\"},\"c\":1}"u8.ToArray();
        var reader = new WireReader(input);
        Assert.True(reader.Read() && reader.Read());
        reader.Skip();
        Assert.True(reader.Read());
        Assert.Equal("c", reader.GetString());
    }

    private static (string Problem, long Position) Error(string json)
    {
        WireSyntaxException e = ReadAllError(Encoding.UTF8.GetBytes(json));
        return (e.Problem, e.BytePositionInLine!.Value);
    }

    private static WireSyntaxException ReadAllError(byte[] input)
    {
        try
        {
            var reader = new WireReader(input);
            while (reader.Read())
            {
            }
        }
        catch (WireSyntaxException e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("no syntax error in " + Encoding.UTF8.GetString(input));
    }

    private static byte[] DeepestLine(byte[] file)
    {
        byte[] deepest = [];
        foreach (string line in Encoding.UTF8.GetString(file).Split('\n'))
        {
            if (line.Split('[').Length > deepest.AsSpan().Count((byte)'[') + 1)
            {
                deepest = Encoding.UTF8.GetBytes(line.TrimEnd('\r'));
            }
        }

        return deepest;
    }

    private static void AssertAgree(byte[] input)
    {
        string? difference = JsonTokenOracle.Disagreement(input);
        Assert.True(difference is null, difference + " on " + Encoding.UTF8.GetString(input));
    }
}

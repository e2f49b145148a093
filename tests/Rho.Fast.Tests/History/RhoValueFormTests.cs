using System;
using System.Buffers;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests.History;

/// <summary>A free JSON value as rho 1.47 writes it back after reading it into a serde_json::Value.</summary>
public sealed class RhoValueFormTests
{
    [Theory]
    [InlineData("""{"z":[true],"command":{"b":1,"a":2},"":null}""")]
    [InlineData("""{"b":1,"a":2}""")]
    [InlineData("""[1818.4969776440505,-0.0,1e+16,1.8446744073709552e+19,-9223372036854775808,18446744073709551615]""")]
    [InlineData("""["tab\there","quote\" backslash\\ nul\u0000 unit\u001f bell\u0007","é😀""" + "\u2028\u007f" + "\"]")]
    [InlineData("""{"ключ":{"😀":[[],{},""]}}""")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("\"\"")]
    [InlineData("0")]
    [InlineData("1e-7")]
    public void A_value_in_rhos_form_is_returned_as_it_is(string json)
    {
        RawJson value = RawJson.Parse(json);
        RawJson canonical = RhoValueForm.Canonical(value);
        Assert.True(MemoryMarshal.TryGetArray(value.Utf8, out ArraySegment<byte> before));
        Assert.True(MemoryMarshal.TryGetArray(canonical.Utf8, out ArraySegment<byte> after));
        Assert.Same(before.Array, after.Array);
        Assert.Equal(json, Written(json));
    }

    [Theory]
    // Numbers (FORMAT-V4 §4.2).
    [InlineData("""[1818.4969776440503,1e300,18446744073709551616,-0,1e-7,2.5e-300,-9223372036854775808,1e16,1.5,0.1,123456.789]""",
        """[1818.4969776440505,1e+300,1.8446744073709552e+19,-0.0,1e-7,2.5e-300,-9223372036854775808,1e+16,1.5,0.1,123456.789]""")]
    [InlineData("""{"n":1E5,"m":-9223372036854775809,"k":0.000010}""", """{"n":100000.0,"m":-9.223372036854776e+18,"k":0.00001}""")]
    // Whitespace.
    [InlineData(" { \"a\" : [ 1 , 2 ] ,\t\"b\" :\r\n{ } } ", """{"a":[1,2],"b":{}}""")]
    // A repeated key keeps its first place and its last value.
    [InlineData("""{"a":1,"b":2,"a":3}""", """{"a":3,"b":2}""")]
    [InlineData("""{"a":{"x":1},"b":2,"a":[true],"c":null,"b":"two"}""", """{"a":[true],"b":"two","c":null}""")]
    [InlineData("""{"a":{"x":1,"x":{"y":2,"y":3}}}""", """{"a":{"x":{"y":3}}}""")]
    [InlineData("""[{"k":1,"k":2},{"k":3}]""", """[{"k":2},{"k":3}]""")]
    // Keys are compared unescaped, and written in serde's escaping.
    [InlineData("""{"\u0061":1,"a":2}""", """{"a":2}""")]
    [InlineData("""{"\/":1,"\t\u000A":2}""", """{"/":1,"\t\n":2}""")]
    // Strings: only ", \ and controls are escaped, in the short form or lowercase \u00xx.
    [InlineData("""["\u0041\/\u00e9\u00E9\ud83d\ude00\uD83D\uDE00","\u001F\u000a\u0008\u000C\u000d\u0009","\u2028\u007f\u0000"]""",
        "[\"A/éé😀😀\",\"\\u001f\\n\\b\\f\\r\\t\",\"\u2028\u007f\\u0000\"]")]
    [InlineData("""  "x"  """, "\"x\"")]
    public void A_value_is_written_as_rho_writes_it(string json, string expected)
    {
        Assert.Equal(expected, Written(json));
        RawJson canonical = RhoValueForm.Canonical(RawJson.Parse(json));
        Assert.Equal(expected, canonical.ToString());

        // Read again, these forms stay as they are (not every float does: see RhoValueCheckTests),
        // and are returned without copying.
        RawJson again = RhoValueForm.Canonical(canonical);
        Assert.True(MemoryMarshal.TryGetArray(canonical.Utf8, out ArraySegment<byte> first));
        Assert.True(MemoryMarshal.TryGetArray(again.Utf8, out ArraySegment<byte> second));
        Assert.Same(first.Array, second.Array);
    }

    [Fact]
    public void Repeated_keys_in_a_large_object_resolve_like_in_a_small_one()
    {
        // Above the pairwise limit keys are sorted by hash; the result must not change.
        var input = new StringBuilder("{");
        for (int i = 0; i < 40; i++)
        {
            input.Append(i == 0 ? "" : ",").Append("\"k").Append(i).Append("\":").Append(i);
        }

        input.Append(",\"k5\":\"five\",\"k39\":[39],\"k5\":\"last\",\"new\":true,\"k0\":{}}");
        var expected = new StringBuilder("{");
        for (int i = 0; i < 40; i++)
        {
            string value = i switch { 0 => "{}", 5 => "\"last\"", 39 => "[39]", _ => i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            expected.Append(i == 0 ? "" : ",").Append("\"k").Append(i).Append("\":").Append(value);
        }

        expected.Append(",\"new\":true}");
        Assert.Equal(expected.ToString(), Written(input.ToString()));

        // Forty distinct keys in rho's form stay as they are.
        string distinct = expected.ToString();
        Assert.Equal(distinct, RhoValueForm.Canonical(RawJson.Parse(distinct)).ToString());
    }

    [Fact]
    public void Nesting_up_to_serde_jsons_limit_is_kept_and_beyond_it_refused()
    {
        string deepest = new string('[', Wire.MaxDepth) + new string(']', Wire.MaxDepth);
        RawJson value = RawJson.FromValidatedUtf8(Encoding.ASCII.GetBytes(deepest));
        Assert.Equal(deepest, RhoValueForm.Canonical(value).ToString());
        Assert.Equal(deepest, Written(" " + deepest));

        string tooDeep = "[" + deepest + "]";
        var error = Assert.Throws<WireFormatException>(() => RhoValueForm.Canonical(RawJson.FromValidatedUtf8(Encoding.ASCII.GetBytes(tooDeep))));
        Assert.Contains("recursion limit", error.Message, StringComparison.Ordinal);
        Assert.Throws<WireFormatException>(() => RhoValueForm.CharCount(RawJson.FromValidatedUtf8(Encoding.ASCII.GetBytes(tooDeep))));

        string deepObjects = string.Concat(Enumerable.Repeat("{\"a\":", Wire.MaxDepth + 1)) + "1" + new string('}', Wire.MaxDepth + 1);
        Assert.Throws<WireFormatException>(() => Written(deepObjects));
    }

    [Theory]
    [InlineData("""{"a":1,}""", "not JSON")]
    [InlineData("[1 2]", "not JSON")]
    [InlineData("[1] [2]", "not JSON")]
    [InlineData("", "empty")]
    [InlineData("01", "not JSON")]
    [InlineData("""["\ud800"]""", "not valid Unicode")]
    [InlineData("""{"\udc00":1}""", "not valid Unicode")]
    [InlineData("""[1e400]""", "out of range")]
    [InlineData("""[-1e309]""", "out of range")]
    // serde_json reads a value even when a later repeat of its key replaces it.
    [InlineData("""{"a":1e400,"a":1}""", "out of range")]
    [InlineData("""{"a":["\ud800"],"a":1}""", "not valid Unicode")]
    public void A_value_serde_json_refuses_is_refused(string json, string problem)
    {
        var error = Assert.Throws<WireFormatException>(() => Written(json));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Throws<WireFormatException>(() => RhoValueForm.Canonical(RawJson.FromValidatedUtf8(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void An_error_names_the_byte_where_it_is()
    {
        var error = Assert.Throws<WireFormatException>(() => Written("""{"x": [1, 2, 1e999]}"""));
        Assert.Contains("1e999", error.Message, StringComparison.Ordinal);
        Assert.Contains("(at byte 13)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"ключ":"😀","n":[1,2.5]}""")]
    [InlineData("""{"a": 1e16, "b": "\u00e9\ud83d\ude00"}""")]
    [InlineData("""[1818.4969776440503,-0]""")]
    [InlineData("\"\"")]
    public void The_char_count_is_that_of_the_canonical_form(string json)
    {
        string canonical = Written(json);
        long expected = canonical.EnumerateRunes().Count();
        Assert.Equal(expected, RhoValueForm.CharCount(RawJson.Parse(json)));
    }

    [Fact]
    public void Checking_and_counting_a_value_already_in_rhos_form_allocates_nothing()
    {
        var keys = new StringBuilder("{");
        for (int i = 0; i < 50; i++)
        {
            keys.Append(i == 0 ? "" : ",").Append("\"key").Append(i).Append("\":").Append(i);
        }

        keys.Append('}');
        RawJson[] values =
        [
            RawJson.Parse("""{"command":"ls -la\n\"x\"","cwd":"/home/ключ/😀","timeout":120,"ratio":1818.4969776440505,"big":1e+300,"flags":[true,false,null,{"deep":[[-0.0]]}]}"""),
            RawJson.Parse(keys.ToString()),
        ];
        var output = new ArrayBufferWriter<byte>(4096);
        foreach (RawJson value in values)
        {
            // Warm up the pools and caches first.
            RhoValueForm.Canonical(value);
            RhoValueForm.CharCount(value);
            RhoValueForm.Write(value.Utf8.Span, output);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 100; round++)
        {
            foreach (RawJson value in values)
            {
                RhoValueForm.Canonical(value);
                RhoValueForm.CharCount(value);
                output.ResetWrittenCount();
                RhoValueForm.Write(value.Utf8.Span, output);
            }
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static string Written(string json)
    {
        var output = new ArrayBufferWriter<byte>();
        RhoValueForm.Write(Encoding.UTF8.GetBytes(json), output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}

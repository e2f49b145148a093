using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests;

/// <summary>Bad input surfaces as the library's own exceptions, never System.Text.Json's reader exception.</summary>
public sealed class WireErrorTests
{
    [Theory]
    [InlineData("not json")]
    [InlineData("{\"User\":[")]
    [InlineData("{\"User\":[]} trailing")]
    [InlineData("")]
    public void Input_that_is_not_json_is_one_of_the_librarys_exceptions(string input)
    {
        System.Exception? error = Record.Exception(() => Wire.Deserialize<Message>(input));
        Assert.True(error is WireSyntaxException or WireFormatException, input + ": " + error);
    }

    [Fact]
    public void Broken_grammar_says_what_was_expected_and_where()
    {
        var error = Assert.Throws<WireSyntaxException>(() => Wire.Deserialize<Message>("not json"));
        Assert.False(string.IsNullOrEmpty(error.Problem));
        Assert.Equal(0, error.BytePositionInLine);
    }

    [Theory]
    [InlineData("not json", 0)]
    [InlineData("[1,2,,3]", 5)]
    [InlineData("{\"a\":tru}", 5)]
    public void A_one_line_syntax_error_is_on_line_1_at_the_byte_offset_plus_1(string input, long offset)
    {
        var error = Assert.Throws<WireSyntaxException>(() => RawJson.Parse(input));

        Assert.Equal(offset, error.BytePosition);
        Assert.Equal(1, error.Line);
        Assert.Equal(offset + 1, error.Column);
        Assert.EndsWith("(at byte " + offset + ", line 1, column " + (offset + 1) + ")", error.Message);
    }

    [Fact]
    public void A_syntax_error_in_multi_line_input_counts_lines_and_the_column_within_its_line()
    {
        const string input = "{\n  \"a\": 1,\n  \"b\": ?\n}";

        var error = Assert.Throws<WireSyntaxException>(() => RawJson.Parse(input));

        Assert.Equal(input.IndexOf('?'), error.BytePosition);
        Assert.Equal(3, error.Line);
        Assert.Equal(8, error.Column);
        Assert.Contains("line 3, column 8", error.Message);
    }

    [Fact]
    public void A_syntax_error_at_the_end_of_multi_line_input_is_on_its_last_line()
    {
        const string input = "[\n1,\n2,";

        var error = Assert.Throws<WireSyntaxException>(() => RawJson.Parse(input));

        Assert.Equal(input.Length, error.BytePosition);
        Assert.Equal(3, error.Line);
        Assert.Equal(3, error.Column);
    }

    [Fact]
    public void A_syntax_error_built_without_the_input_is_taken_to_be_on_line_1()
    {
        var error = new WireSyntaxException("bad", 4);

        Assert.Equal(1, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Equal(4, error.BytePositionInLine);
    }

    [Fact]
    public void Json_of_the_wrong_shape_is_a_wire_format_error_naming_the_type()
    {
        var error = Assert.Throws<WireFormatException>(() => Wire.Deserialize<Message>("{\"User\":1}"));
        Assert.Equal("Message", error.TypeName);
        Assert.Contains("User", error.Message);
    }
}

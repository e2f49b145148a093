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

    [Fact]
    public void Json_of_the_wrong_shape_is_a_wire_format_error_naming_the_type()
    {
        var error = Assert.Throws<WireFormatException>(() => Wire.Deserialize<Message>("{\"Nope\":1}"));
        Assert.Equal("Message", error.TypeName);
        Assert.Contains("Nope", error.Message);
    }
}

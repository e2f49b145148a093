using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>Strings outside plain ASCII: surrogate pairs, lone surrogates, escapes.</summary>
public sealed class StringTests
{
    [Fact]
    public void Surrogate_pair_is_written_as_utf8_and_read_from_an_escape()
    {
        Assert.Equal("{\"Say\":\"\U0001F600\"}", Wire.Serialize(new ExternalCommand.Say("\U0001F600")));
        Assert.Equal(new ExternalCommand.Say("\U0001F600"), Wire.Deserialize<ExternalCommand>("""{"Say":"\ud83d\ude00"}"""));
    }

    [Fact]
    public void Lone_surrogate_is_written_as_the_replacement_character()
    {
        // A Rust string cannot hold one, so there is no serde text to match; U+FFFD keeps the output valid UTF-8.
        Assert.Equal("{\"Say\":\"a\uFFFDb\"}", Wire.Serialize(new ExternalCommand.Say("a\ud800b")));
    }

    [Fact]
    public void Lone_surrogate_escape_is_rejected_like_serde()
    {
        WireFormatException e = Assert.Throws<WireFormatException>(() => Wire.Deserialize<ExternalCommand>("""{"Say":"\ud800"}"""));

        Assert.Equal("ExternalCommand", e.TypeName);
        Assert.Equal("Say", e.CaseName);
    }

    [Fact]
    public void Every_escape_form_is_read()
    {
        ExternalCommand read = Wire.Deserialize<ExternalCommand>("""{"Say":"\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC"}""");

        Assert.Equal(new ExternalCommand.Say("\"\\/\b\f\n\r\tAé€"), read);
    }
}

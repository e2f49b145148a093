using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>
/// The raw-keeping catch-all: a case name the union does not know is read with the whole value's
/// bytes and written back unchanged, so nothing a newer writer wrote is lost by an older reader.
/// </summary>
public sealed class RawOtherTests
{
    public static TheoryData<string> UnknownCommands => new()
    {
        "\"Later\"",
        """{"Later":{"a": [1, 2.50, -0], "b":"\u0041"}}""",
        """{"Later":null}""",

        // The catch-all's own name is as unknown as any other: the case has no payload of its own.
        """{"Unknown":7}""",
    };

    public static TheoryData<string> UnknownEvents => new()
    {
        """{"type":"later_kind","x":1,"extra":{"z":null}}""",
        """{"x":1.0E2, "type":"later_kind"}""",
        """{"type":"later_kind"}""",
        """["later_kind",1,2]""",
    };

    public static TheoryData<string> UnknownMessages => new()
    {
        """{"t":"Later","c":[1, 2]}""",
        """{"c":{"k":"v"},"t":"Later","more":true}""",
        """{"t":"Later"}""",
    };

    [Theory]
    [MemberData(nameof(UnknownCommands))]
    public void External_unknown_case_is_kept_byte_for_byte(string json) =>
        AssertKept(json, Wire.Deserialize<OpenCommand>(json) as OpenCommand.Unknown);

    [Theory]
    [MemberData(nameof(UnknownEvents))]
    public void Internal_unknown_tag_is_kept_byte_for_byte(string json) =>
        AssertKept(json, Wire.Deserialize<OpenEvent>(json) as OpenEvent.Unknown);

    [Theory]
    [MemberData(nameof(UnknownMessages))]
    public void Adjacent_unknown_tag_is_kept_byte_for_byte(string json) =>
        AssertKept(json, Wire.Deserialize<OpenMessage>(json) as OpenMessage.Unknown);

    [Fact]
    public void Known_cases_read_and_write_as_usual()
    {
        Assert.Equal(new OpenCommand.Say("hi"), Wire.Deserialize<OpenCommand>("""{"Say":"hi"}"""));
        Assert.Equal(new OpenCommand.Ping(), Wire.Deserialize<OpenCommand>("\"Ping\""));
        Assert.Equal(new OpenEvent.Moved(1, 2), Wire.Deserialize<OpenEvent>("""{"y":2,"type":"moved","x":1}"""));
        Assert.Equal(new OpenMessage.Stop(), Wire.Deserialize<OpenMessage>("""{"t":"Stop"}"""));
        Assert.Equal("""{"type":"moved","x":1,"y":2}""", Wire.Serialize(new OpenEvent.Moved(1, 2)));
        Assert.Equal("""{"t":"Say","c":"hi"}""", Wire.Serialize(new OpenMessage.Say("hi")));
    }

    [Fact]
    public void A_known_case_with_a_bad_payload_is_still_an_error()
    {
        Assert.Throws<WireFormatException>(() => Wire.Deserialize<OpenCommand>("""{"Say":1}"""));
        Assert.Throws<WireFormatException>(() => Wire.Deserialize<OpenEvent>("""{"type":"moved","x":"1","y":2}"""));
        Assert.Throws<WireFormatException>(() => Wire.Deserialize<OpenMessage>("""{"t":"Say","c":[]}"""));
    }

    [Fact]
    public void An_unknown_value_is_still_checked_as_serde_json_would()
    {
        // A number beyond f64 or a lone surrogate is an error wherever it is.
        Assert.Throws<WireFormatException>(() => Wire.Deserialize<OpenCommand>("""{"Later":1e999}"""));
        Assert.Throws<WireFormatException>(() => Wire.Deserialize<OpenEvent>("""{"type":"later","s":"\ud800"}"""));
    }

    private static void AssertKept<T>(string json, T? unknown) where T : class
    {
        Assert.NotNull(unknown);
        RawJson raw = unknown switch
        {
            OpenCommand.Unknown c => c.Value,
            OpenEvent.Unknown e => e.Value,
            OpenMessage.Unknown m => m.Value,
            _ => throw new System.InvalidOperationException(typeof(T).Name),
        };
        Assert.Equal(json, raw.ToString());
        Assert.Equal(json, unknown switch
        {
            OpenCommand c => Wire.Serialize(c),
            OpenEvent e => Wire.Serialize(e),
            OpenMessage m => Wire.Serialize(m),
            _ => throw new System.InvalidOperationException(typeof(T).Name),
        });
    }
}

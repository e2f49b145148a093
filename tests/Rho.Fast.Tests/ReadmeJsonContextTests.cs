using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Tests.ReadmeJsonContext;

/// <summary>
/// The README's advice for a JsonSerializerContext in the same project as the types, as written
/// there: a hand-written converter named in [JsonConverter], delegating to the generated one. That
/// this file builds is half the test (System.Text.Json's generator and Rho.Fast's run on it, and
/// RHOF026 would fail the build without the converters); the bytes are the other half.
/// </summary>
public sealed class ReadmeJsonContextTests
{
    [Fact]
    public void A_context_beside_the_union_and_the_record_writes_and_reads_what_wire_does()
    {
        Command move = new Command.Move(1, 2);
        var reply = new Reply("done", 3);

        Assert.Equal(Wire.Serialize(move), JsonSerializer.Serialize(move, SameProjectContext.Default.Command));
        Assert.Equal("{\"Move\":{\"x\":1,\"y\":2}}", JsonSerializer.Serialize(move, SameProjectContext.Default.Command));
        Assert.Equal("{\"text\":\"done\",\"retries\":3}", JsonSerializer.Serialize(reply, SameProjectContext.Default.Reply));
        Assert.Equal(move, JsonSerializer.Deserialize("{\"Move\":{\"y\":2,\"x\":1}}", SameProjectContext.Default.Command));
        Assert.Equal(reply, JsonSerializer.Deserialize("{\"retries\":3,\"text\":\"done\"}", SameProjectContext.Default.Reply));
    }
}

[TaggedUnion]
[JsonConverter(typeof(CommandConverter))]
public abstract partial record Command
{
    public sealed record Move(int X, int Y) : Command;
}

public sealed class CommandConverter : JsonConverter<Command>
{
    private static readonly Command.WireJsonConverter s_wire = new();

    public override Command Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        s_wire.Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, Command value, JsonSerializerOptions options) =>
        s_wire.Write(writer, value, options);
}

[WireRecord]
[JsonConverter(typeof(ReplyConverter))]
public sealed partial record Reply(string Text, uint Retries);

public sealed class ReplyConverter : JsonConverter<Reply>
{
    private static readonly Reply.WireJsonConverter s_wire = new();

    public override Reply Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        s_wire.Read(ref reader, typeToConvert, options);

    public override void Write(Utf8JsonWriter writer, Reply value, JsonSerializerOptions options) =>
        s_wire.Write(writer, value, options);
}

[JsonSerializable(typeof(Command))]
[JsonSerializable(typeof(Reply))]
internal sealed partial class SameProjectContext : JsonSerializerContext;

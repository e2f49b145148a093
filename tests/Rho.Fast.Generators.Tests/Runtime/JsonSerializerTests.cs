using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>The generated WireJsonConverter serves System.Text.Json, by reflection and by source-generated context, with Wire's exact bytes.</summary>
public sealed class JsonSerializerTests
{
    public static TheoryData<string> Samples => SampleCatalog.Keys(SampleCatalog.All);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reflection_serializer_writes_the_same_bytes_as_wire(string name)
    {
        WireSample sample = SampleCatalog.All[name];

        Assert.Equal(sample.Json, sample.SerializeWithJsonSerializer());
        // The serializer's encoder would escape HTML and non-ASCII characters and its naming policy
        // would rename keys; neither may reach the wire text.
        Assert.Equal(sample.Json, sample.SerializeWithJsonSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reflection_serializer_reads_back_the_same_value(string name)
    {
        WireSample sample = SampleCatalog.All[name];

        object read = sample.DeserializeWithJsonSerializer(sample.Json);

        Assert.Equal(sample.Value.GetType(), read.GetType());
        Assert.Equal(sample.Json, sample.Serialize(read));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Source_generated_context_writes_the_same_bytes_as_wire(string name)
    {
        WireSample sample = SampleCatalog.All[name];

        byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(sample.Value, sample.Type, SampleJsonContext.Default);

        Assert.Equal(sample.SerializeToUtf8Bytes(), bytes);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Source_generated_context_reads_back_the_same_value(string name)
    {
        WireSample sample = SampleCatalog.All[name];

        object? read = JsonSerializer.Deserialize(sample.Json, sample.Type, SampleJsonContext.Default);

        Assert.NotNull(read);
        Assert.Equal(sample.Value.GetType(), read.GetType());
        if (sample.ComparesByValue)
        {
            Assert.Equal(sample.Value, read);
        }

        Assert.Equal(sample.Json, sample.Serialize(read));
    }

    [Fact]
    public void Context_uses_the_generated_converter()
    {
        JsonTypeInfo info = SampleJsonContext.Default.GetTypeInfo(typeof(ExternalCommand))!;

        Assert.IsType<ExternalCommand.WireJsonConverter>(info.Converter);
    }

    [Fact]
    public void Unions_inside_an_ordinary_type_round_trip_through_the_context()
    {
        var envelope = new Envelope
        {
            Id = "e<1>",
            Command = new ExternalCommand.Move(1, -2),
            Events = [new InternalEvent.Started(), new InternalEvent.Placed(new Point(3, 4))],
            Payload = null,
        };
        const string expected = """{"Id":"e\u003C1\u003E","Command":{"Move":{"x":1,"y":-2}},"Events":[{"type":"started"},{"type":"placed","x":3,"y":4}],"Payload":null}""";

        string json = JsonSerializer.Serialize(envelope, SampleJsonContext.Default.Envelope);
        Envelope read = JsonSerializer.Deserialize(json, SampleJsonContext.Default.Envelope)!;

        Assert.Equal(expected, json);
        Assert.Equal("e<1>", read.Id);
        Assert.Equal(envelope.Command, read.Command);
        Assert.Equal(envelope.Events, read.Events);
        Assert.Null(read.Payload);
    }

    [Fact]
    public void Raw_json_keeps_its_bytes_when_read_from_a_stream_in_small_chunks()
    {
        // A small buffer makes the serializer feed the converter a reader it re-buffered, with no source span.
        string raw = """{ "deep" : [1.50, {"x": "\u00e9"}, null] }""";
        string json = SampleCatalog.MemberTypes["every-scalar-at-one-extreme"].Json.Replace("""{"k": [1, 2]}""", raw);
        var options = new JsonSerializerOptions { DefaultBufferSize = 16, TypeInfoResolver = SampleJsonContext.Default };
        string envelopeJson = "{\"Id\":\"x\",\"Events\":[],\"Payload\":" + json + "}";

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(envelopeJson));
        Envelope read = JsonSerializer.Deserialize<Envelope>(stream, options)!;

        Bag.Scalars scalars = Assert.IsType<Bag.Scalars>(read.Payload);
        Assert.Equal(raw, scalars.Raw.ToString());
        Assert.Equal(json, Wire.Serialize(scalars));
    }

    [Fact]
    public void Errors_surface_as_wire_format_exceptions_through_the_serializer()
    {
        WireFormatException e = Assert.Throws<WireFormatException>(
            () => JsonSerializer.Deserialize("""{"Move":{"x":1}}""", SampleJsonContext.Default.ExternalCommand));

        Assert.Equal("Move", e.CaseName);
        Assert.Equal("y", e.FieldName);
    }
}

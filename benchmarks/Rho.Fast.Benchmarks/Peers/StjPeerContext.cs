using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rho.Fast.Benchmarks.Peers;

/// <summary>Source-generated System.Text.Json metadata for the peer model.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, MaxDepth = 128)]
[JsonSerializable(typeof(StjEntry))]
[JsonSerializable(typeof(StjMessage))]
[JsonSerializable(typeof(StjContentBlock))]
[JsonSerializable(typeof(StjToolCall))]
[JsonSerializable(typeof(StjToolResult))]
public sealed partial class StjPeerContext : JsonSerializerContext
{
    /// <summary>
    /// The context with the relaxed encoder, the closest STJ comes to serde_json's escaping
    /// (it still escapes astral characters and some others).
    /// </summary>
    public static StjPeerContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        MaxDepth = 128,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writer options matching <see cref="Relaxed"/>.</summary>
    public static JsonWriterOptions RelaxedWriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

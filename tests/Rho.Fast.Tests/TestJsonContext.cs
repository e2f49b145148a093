using System.Text.Json.Serialization;

namespace Rho.Fast.Tests;

/// <summary>System.Text.Json source generation over the generated converters: no reflection.</summary>
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(SessionEntry))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

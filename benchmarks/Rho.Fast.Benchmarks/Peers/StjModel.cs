using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rho.Fast.Benchmarks.Peers;

// The session format modelled the way a System.Text.Json user would: the internally tagged entry
// with STJ's own polymorphism, the externally tagged unions with hand-written converters, the
// records with source-generated metadata, and arbitrary JSON arguments as JsonElement.

/// <summary>A session file line.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(StjSessionHeader), "session")]
[JsonDerivedType(typeof(StjMessageEntry), "message")]
public abstract record StjEntry;

/// <summary>The header line.</summary>
public sealed record StjSessionHeader(uint Version, string Id, string Timestamp, string Cwd) : StjEntry;

/// <summary>A message line.</summary>
public sealed record StjMessageEntry(string Timestamp, StjMessage Message) : StjEntry;

/// <summary>A message, externally tagged.</summary>
[JsonConverter(typeof(StjMessageConverter))]
public abstract record StjMessage
{
    /// <summary>The system prompt.</summary>
    public sealed record System(string Text) : StjMessage;

    /// <summary>A user message.</summary>
    public sealed record User(List<StjContentBlock> Content) : StjMessage;

    /// <summary>An assistant message.</summary>
    public sealed record Assistant(List<StjContentBlock> Content) : StjMessage;

    /// <summary>A tool result.</summary>
    public sealed record ToolResult(StjToolResult Result) : StjMessage;
}

/// <summary>A content block, externally tagged.</summary>
[JsonConverter(typeof(StjContentBlockConverter))]
public abstract record StjContentBlock
{
    /// <summary>Text.</summary>
    public sealed record Text(string Value) : StjContentBlock;

    /// <summary>A tool call.</summary>
    public sealed record ToolCall(StjToolCall Call) : StjContentBlock;
}

/// <summary>A tool call; <see cref="Arguments"/> is any JSON value.</summary>
public sealed record StjToolCall(string Id, string Name, JsonElement Arguments);

/// <summary>A tool result.</summary>
public sealed record StjToolResult(string Id, bool Ok, string Content);

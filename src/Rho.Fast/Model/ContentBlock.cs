using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>A block of message content, externally tagged: <c>{"Text":"..."}</c>, <c>{"Image":{...}}</c> or <c>{"ToolCall":{...}}</c>.</summary>
[TaggedUnion]
public abstract partial record ContentBlock
{
    private ContentBlock()
    {
    }

    /// <summary>Plain text.</summary>
    /// <param name="Value">The text.</param>
    public sealed partial record Text(Utf8Text Value) : ContentBlock;

    /// <summary>A request to run a tool.</summary>
    /// <param name="Call">The call.</param>
    public sealed partial record ToolCall(ToolInvocation Call) : ContentBlock;

    /// <summary>An image.</summary>
    /// <param name="Data">The image bytes, base64-encoded.</param>
    /// <param name="MimeType">Its media type, e.g. <c>image/png</c>.</param>
    public sealed partial record Image(Utf8Text Data, string MimeType) : ContentBlock;

    /// <summary>A block of a kind this version does not know, kept as its raw JSON and written back byte for byte.</summary>
    /// <param name="Json">The whole block.</param>
    [WireOther]
    public sealed partial record Unrecognized(RawJson Json) : ContentBlock;
}

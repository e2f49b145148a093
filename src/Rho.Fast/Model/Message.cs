using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// A conversation message, externally tagged: <c>{"System":"..."}</c>, <c>{"User":[...]}</c>,
/// <c>{"Assistant":[...]}</c>, <c>{"EnrichedAssistant":{...}}</c>, <c>{"AbortedAssistant":{...}}</c> or
/// <c>{"ToolResult":{...}}</c>. Equality compares content, block by block.
/// </summary>
[TaggedUnion]
public abstract partial record Message
{
    private Message()
    {
    }

    /// <summary>Creates a user message holding one text block.</summary>
    /// <param name="text">The text.</param>
    public static Message UserText(string text) => new User([new ContentBlock.Text(text)]);

    /// <summary>Creates an assistant message holding one text block.</summary>
    /// <param name="text">The text.</param>
    public static Message AssistantText(string text) => new Assistant([new ContentBlock.Text(text)]);

    /// <summary>Creates a system prompt message.</summary>
    /// <param name="text">The prompt.</param>
    public static Message SystemText(string text) => new SystemPrompt(text);

    /// <summary>Creates a tool result message.</summary>
    /// <param name="id">The id of the tool call answered.</param>
    /// <param name="ok">Whether the tool succeeded.</param>
    /// <param name="content">The tool's output.</param>
    public static Message ToolResultFor(string id, bool ok, string content) => new ToolResult(new ToolOutcome(id, ok, content));

    /// <summary>
    /// The message on one line for people: its kind and its text, tool calls by name and id,
    /// results with their id and outcome (<c>User: list the files</c>).
    /// </summary>
    public sealed override string ToString()
    {
        var text = new System.Text.StringBuilder();
        switch (this)
        {
            case SystemPrompt system:
                text.Append("System: ").Append(system.Text);
                break;
            case User user:
                Describe(text.Append("User:"), user.Content);
                break;
            case Assistant assistant:
                Describe(text.Append("Assistant:"), assistant.Content);
                break;
            case EnrichedAssistant enriched:
                Describe(text.Append("Assistant:"), enriched.Content);
                break;
            case AbortedAssistant aborted:
                Describe(text.Append("Assistant (aborted):"), aborted.Content);
                break;
            case ToolResult { Result: var result }:
                text.Append("ToolResult ").Append(result.Id).Append(result.Ok ? " (ok): " : " (failed): ").Append(result.Content);
                break;
            case Unrecognized unrecognized:
                text.Append("Unrecognized: ").Append(unrecognized.Json.ToString());
                break;
        }

        return text.ToString();
    }

    private static void Describe(System.Text.StringBuilder text, IReadOnlyList<ContentBlock> blocks)
    {
        foreach (ContentBlock block in blocks)
        {
            text.Append(' ');
            switch (block)
            {
                case ContentBlock.Text { Value: var value }:
                    text.Append(value);
                    break;
                case ContentBlock.ToolCall { Call: var call }:
                    text.Append("[tool call ").Append(call.Name).Append(' ').Append(call.Id).Append(']');
                    break;
                case ContentBlock.Image { MimeType: var mime }:
                    text.Append("[image ").Append(mime).Append(']');
                    break;
                case ContentBlock.Unrecognized:
                    text.Append("[unrecognized block]");
                    break;
            }
        }
    }

    /// <summary>The system prompt, <c>{"System":"..."}</c>.</summary>
    /// <param name="Text">The prompt text.</param>
    [WireCase(Name = "System")]
    public sealed partial record SystemPrompt(Utf8Text Text) : Message;

    /// <summary>What the user said.</summary>
    /// <param name="Content">The content blocks.</param>
    public sealed partial record User(IReadOnlyList<ContentBlock> Content) : Message
    {
        /// <inheritdoc/>
        public bool Equals(User? other) => ReferenceEquals(this, other) || (other is not null && Sequences.Equal(Content, other.Content));

        /// <inheritdoc/>
        public override int GetHashCode() => Sequences.Hash(Content);
    }

    /// <summary>What the assistant said, possibly with tool calls.</summary>
    /// <param name="Content">The content blocks.</param>
    public sealed partial record Assistant(IReadOnlyList<ContentBlock> Content) : Message
    {
        /// <inheritdoc/>
        public bool Equals(Assistant? other) => ReferenceEquals(this, other) || (other is not null && Sequences.Equal(Content, other.Content));

        /// <inheritdoc/>
        public override int GetHashCode() => Sequences.Hash(Content);

        /// <summary>The number of <see cref="ContentBlock.ToolCall"/> blocks.</summary>
        public int ToolCallCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < Content.Count; i++)
                {
                    if (Content[i] is ContentBlock.ToolCall)
                    {
                        count++;
                    }
                }

                return count;
            }
        }
    }

    /// <summary>The result of a tool call.</summary>
    /// <param name="Result">The result.</param>
    public sealed partial record ToolResult(ToolOutcome Result) : Message;

    /// <summary>What the assistant said, with where it came from and the provider's context (<c>{"EnrichedAssistant":{...}}</c>).</summary>
    /// <param name="Content">The content blocks (empty when the key is missing).</param>
    /// <param name="Provenance">The model that produced it, when known.</param>
    /// <param name="ReasoningSummary">The provider's summary of its reasoning, when given.</param>
    /// <param name="ProviderContext">Provider-specific context blocks; left out when empty.</param>
    public sealed partial record EnrichedAssistant(
        [WireDefault] IReadOnlyList<ContentBlock> Content,
        [WireSkip(SkipWhen.Null)] ModelIdentity? Provenance,
        [WireSkip(SkipWhen.Null)] string? ReasoningSummary,
        [WireDefault, WireSkip(SkipWhen.Empty)] IReadOnlyList<ProviderContextBlock> ProviderContext) : Message
    {
        /// <inheritdoc/>
        public bool Equals(EnrichedAssistant? other) =>
            ReferenceEquals(this, other) || (other is not null && Provenance == other.Provenance && ReasoningSummary == other.ReasoningSummary
                && Sequences.Equal(Content, other.Content) && Sequences.Equal(ProviderContext, other.ProviderContext));

        /// <inheritdoc/>
        public override int GetHashCode() => Sequences.Hash(Content);
    }

    /// <summary>An assistant response cut off before it finished (<c>{"AbortedAssistant":{...}}</c>); its tool calls were never run.</summary>
    /// <param name="Content">The content blocks received.</param>
    /// <param name="Reasoning">The reasoning text received (rho clears it in a saved state's history).</param>
    /// <param name="Provenance">The model that produced it, when known.</param>
    /// <param name="ReasoningSummary">The provider's summary of its reasoning, when given.</param>
    /// <param name="ProviderContext">Provider-specific context blocks; left out when empty.</param>
    /// <param name="ToolCalls">The tool calls that had started streaming.</param>
    /// <param name="Usage">What the response used.</param>
    public sealed partial record AbortedAssistant(
        IReadOnlyList<ContentBlock> Content,
        Utf8Text Reasoning,
        [WireSkip(SkipWhen.Null)] ModelIdentity? Provenance,
        [WireSkip(SkipWhen.Null)] string? ReasoningSummary,
        [WireDefault, WireSkip(SkipWhen.Empty)] IReadOnlyList<ProviderContextBlock> ProviderContext,
        IReadOnlyList<PartialToolCall> ToolCalls,
        ModelUsage Usage) : Message
    {
        /// <inheritdoc/>
        public bool Equals(AbortedAssistant? other) =>
            ReferenceEquals(this, other) || (other is not null && Reasoning == other.Reasoning && Provenance == other.Provenance
                && ReasoningSummary == other.ReasoningSummary && Usage == other.Usage && Sequences.Equal(Content, other.Content)
                && Sequences.Equal(ProviderContext, other.ProviderContext) && Sequences.Equal(ToolCalls, other.ToolCalls));

        /// <inheritdoc/>
        public override int GetHashCode() => Sequences.Hash(Content);
    }

    /// <summary>A message of a kind this version does not know, kept as its raw JSON and written back byte for byte.</summary>
    /// <param name="Json">The whole message.</param>
    [WireOther]
    public sealed partial record Unrecognized(RawJson Json) : Message;
}

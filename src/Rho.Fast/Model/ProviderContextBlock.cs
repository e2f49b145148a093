using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>Provider-specific context kept with an assistant message and replayed to that provider (encrypted reasoning, a portable fallback text, ...).</summary>
/// <param name="Identity">The model the block belongs to.</param>
/// <param name="Kind">What the block is, e.g. <c>encrypted_reasoning</c>.</param>
/// <param name="Position">Where in the message it belongs, when it matters.</param>
/// <param name="Data">The provider's data, any JSON value.</param>
[WireRecord]
public sealed partial record ProviderContextBlock(
    ModelIdentity Identity,
    string Kind,
    [WireSkip(SkipWhen.Null)] ulong? Position,
    RawJson Data)
{
    /// <summary>The kind of the block that carries a provider-neutral text of the reasoning.</summary>
    public const string PortableFallbackKind = "rho.sdk.portable_fallback.v1";

    /// <summary>Whether this is the portable fallback block: its kind, no position, and text as data.</summary>
    public bool IsPortableFallback =>
        Kind == PortableFallbackKind && Position is null && Data.Utf8.Span is [(byte)'"', ..];
}

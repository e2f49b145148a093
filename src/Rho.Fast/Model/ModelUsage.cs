using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>Token counts and cost of one model response; each is <c>null</c> when the provider did not report it.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Generated tokens.</param>
/// <param name="CacheReadTokens">Prompt tokens read from the provider's cache.</param>
/// <param name="CacheWriteTokens">Prompt tokens written to the provider's cache.</param>
/// <param name="TotalTokens">All tokens.</param>
/// <param name="ContextWindow">The model's context window.</param>
/// <param name="CostUsdMicros">The cost in millionths of a US dollar.</param>
[WireRecord]
public sealed partial record ModelUsage(
    ulong? InputTokens,
    ulong? OutputTokens,
    ulong? CacheReadTokens,
    ulong? CacheWriteTokens,
    ulong? TotalTokens,
    ulong? ContextWindow,
    ulong? CostUsdMicros);

using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>What one compaction did, as recorded on its tree node.</summary>
/// <param name="PreviousMessages">Messages before.</param>
/// <param name="CurrentMessages">Messages after.</param>
/// <param name="PreviousTokens">Estimated tokens before.</param>
/// <param name="CurrentTokens">Estimated tokens after.</param>
/// <param name="CostUsdMicros">What it cost, in millionths of a US dollar, when known.</param>
[WireRecord]
public sealed partial record CompactionFacts(ulong PreviousMessages, ulong CurrentMessages, ulong PreviousTokens, ulong CurrentTokens, ulong? CostUsdMicros);

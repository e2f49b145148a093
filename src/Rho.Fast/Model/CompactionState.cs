using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>What the compactions of a session have removed so far.</summary>
/// <param name="CompletedCompactions">How many compactions ran.</param>
/// <param name="RemovedMessages">Messages removed in all.</param>
/// <param name="RemovedTokens">Estimated tokens removed in all.</param>
/// <param name="RemovedCostUsdMicros">What the compactions cost, in millionths of a US dollar.</param>
/// <param name="LastPreviousTokens">The estimate before the last compaction.</param>
/// <param name="LastCurrentTokens">The estimate after it.</param>
/// <param name="LastRevision">The revision the last compaction made.</param>
[WireRecord]
public sealed partial record CompactionState(
    ulong CompletedCompactions,
    ulong RemovedMessages,
    [WireDefault] ulong RemovedTokens,
    [WireDefault] ulong RemovedCostUsdMicros,
    ulong? LastPreviousTokens,
    ulong? LastCurrentTokens,
    ulong? LastRevision)
{
    /// <summary>The state of a session that was never compacted.</summary>
    public static CompactionState None { get; } = new(0, 0, 0, 0, null, null, null);
}

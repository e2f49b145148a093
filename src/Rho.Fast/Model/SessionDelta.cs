using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>A state given as the history appended to an earlier one (<c>snapshot_delta</c>).</summary>
/// <param name="BaseRevision">The revision of the state this one continues.</param>
/// <param name="SessionId">The session the state belongs to.</param>
/// <param name="Revision">The new revision.</param>
/// <param name="AppendedHistory">The messages appended to the base state's history.</param>
/// <param name="Provider">The model the session talks to.</param>
/// <param name="Compaction">What compactions removed.</param>
/// <param name="Metadata">Free string metadata, written sorted by key (always, even when empty).</param>
/// <param name="PromptCacheKey">The provider prompt-cache key, when there is one.</param>
[WireRecord]
public sealed partial record SessionDelta(
    ulong BaseRevision,
    string SessionId,
    ulong Revision,
    IReadOnlyList<Message> AppendedHistory,
    ModelIdentity Provider,
    CompactionState Compaction,
    IReadOnlyDictionary<string, string> Metadata,
    [WireSkip(SkipWhen.Null)] string? PromptCacheKey)
{
    /// <inheritdoc/>
    public bool Equals(SessionDelta? other) =>
        ReferenceEquals(this, other) || (other is not null
            && BaseRevision == other.BaseRevision && SessionId == other.SessionId && Revision == other.Revision
            && Provider == other.Provider && Compaction == other.Compaction && PromptCacheKey == other.PromptCacheKey
            && Sequences.Equal(Metadata, other.Metadata) && Sequences.Equal(AppendedHistory, other.AppendedHistory));

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(SessionId, Revision, AppendedHistory.Count);
}

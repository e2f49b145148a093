using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>A whole session state: the model history and what goes with it.</summary>
/// <param name="SchemaVersion">The snapshot schema: 1 or 2 are read, 2 is what rho writes.</param>
/// <param name="SessionId">The session the state belongs to.</param>
/// <param name="Revision">Counts the changes of the state.</param>
/// <param name="History">The model history.</param>
/// <param name="Provider">The model the session talks to.</param>
/// <param name="Compaction">What compactions removed; missing in schema 1, which means none.</param>
/// <param name="Metadata">Free string metadata, written sorted by key and left out when empty.</param>
/// <param name="PromptCacheKey">The provider prompt-cache key, when there is one.</param>
[WireRecord]
public sealed partial record SessionSnapshot(
    uint SchemaVersion,
    string SessionId,
    ulong Revision,
    IReadOnlyList<Message> History,
    ModelIdentity Provider,
    [WireDefault] CompactionState? Compaction,
    [WireDefault, WireSkip(SkipWhen.Empty)] IReadOnlyDictionary<string, string> Metadata,
    [WireSkip(SkipWhen.Null)] string? PromptCacheKey)
{
    /// <inheritdoc/>
    public bool Equals(SessionSnapshot? other) =>
        ReferenceEquals(this, other) || (other is not null
            && SchemaVersion == other.SchemaVersion && SessionId == other.SessionId && Revision == other.Revision
            && Provider == other.Provider && (Compaction ?? CompactionState.None) == (other.Compaction ?? CompactionState.None)
            && PromptCacheKey == other.PromptCacheKey && Sequences.Equal(Metadata, other.Metadata) && Sequences.Equal(History, other.History));

    /// <inheritdoc/>
    public override int GetHashCode() => System.HashCode.Combine(SessionId, Revision, History.Count);
}

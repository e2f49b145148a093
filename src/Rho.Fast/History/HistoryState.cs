using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>What a saved state holds apart from its history, revision and compaction.</summary>
/// <param name="SessionId">The session the state belongs to.</param>
/// <param name="Provider">The model the session talks to.</param>
/// <param name="Metadata">Free string metadata.</param>
/// <param name="PromptCacheKey">The provider prompt-cache key.</param>
internal sealed record SnapshotMeta(string SessionId, ModelIdentity Provider, IReadOnlyDictionary<string, string> Metadata, string? PromptCacheKey)
{
    public bool SameAs(SnapshotMeta other) =>
        SessionId == other.SessionId && Provider == other.Provider && PromptCacheKey == other.PromptCacheKey && Sequences.Equal(Metadata, other.Metadata);
}

/// <summary>
/// A session state as rho 1.47 rebuilds it: the model history, the display history so far
/// (without compaction notices), and the saved snapshot, if any, with its revision and compaction.
/// Copies share their histories (see <see cref="HistoryView{T}"/>).
/// </summary>
internal struct HistoryState
{
    public HistoryView<Message> Model;
    public HistoryView<Message> Display;
    public SnapshotMeta? Snapshot;
    public ulong Revision;
    public CompactionState Compaction;

    /// <summary>
    /// Whether <see cref="Model"/> is known to hold no aborted response with reasoning text, so a
    /// state built on it need not look through the whole history again (a node per line would make
    /// that quadratic). False only says "not known": the history is then checked.
    /// </summary>
    public bool ModelSanitized;

    /// <summary>No history; both views share one list, which they keep sharing while every message is shown as it is.</summary>
    public static HistoryState Empty => Of(HistoryView<Message>.Of(new List<Message>()));

    private static HistoryState Of(HistoryView<Message> empty) => new()
    {
        Model = empty,
        Display = empty,
        Compaction = CompactionState.None,
        ModelSanitized = true,
    };
}

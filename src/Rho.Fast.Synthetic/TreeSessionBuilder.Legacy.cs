using System.Collections.Generic;
using System.Globalization;

namespace Rho.Fast.Synthetic;

/// <summary>
/// Sessions begun by an older rho, in format 1 to 3 (docs/FORMAT-V4.md §2.3–§2.5): legacy records
/// (<c>message</c> entries, with a <c>display_message</c> where the user saw something else; in
/// format 2 and up, whole <c>snapshot</c>s, some of them compactions; in format 3, <c>snapshot_delta</c>s),
/// each a node named by its line's offset. Most sessions then go on as rho 1.47 goes on with them:
/// an <c>upgrade</c> marker naming the last legacy node, a node with a full snapshot, and the tree
/// of format 4 from there, whose branches may start at legacy nodes. <c>replace_history</c> is not
/// written: its compaction state rests on rho's token estimate, which this generator does not model.
/// </summary>
internal sealed partial class TreeSessionBuilder
{
    private readonly uint _version;
    private readonly Queue<LegacyMessage> _queue = new();
    private readonly bool _upgrades;
    private readonly ModelIdentity _legacyProvider = Providers[0];
    private bool _explicit;
    private bool _firstExplicit;
    private int _legacyLeft;
    private long _offset;

    private SessionEntry NextLegacy()
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            return new SessionEntry.Header(_version, _sessionId, Now(), SyntheticSession.DefaultCwd);
        }

        _clock += _rng.Between(0, 3);
        string timestamp = Now();
        TreeNode? state = Leaf;
        if (_queue.Count == 0)
        {
            if (state is not null && _legacyLeft <= 0 && _upgrades)
            {
                // rho 1.47 writes the marker with the first node it adds to an older file.
                _explicit = true;
                _firstExplicit = true;
                return new SessionEntry.Upgrade(timestamp, state.Id);
            }

            _legacyLeft--;
            int roll = _rng.Below(100);
            if (_version >= 2 && (state is null ? roll < 50 : roll < 45))
            {
                if (state is { HasSnapshot: true } && _version >= 3 && roll < 20)
                {
                    return LegacyDelta(state, timestamp);
                }

                if (state is { Phase.PendingResults: null, Model.Length: >= 3 } && roll >= 38)
                {
                    return LegacyCompaction(state, timestamp);
                }

                return LegacySnapshot(state, timestamp);
            }

            QueueMessages(state);
        }

        return LegacyMessageRecord(state, timestamp);
    }

    /// <summary>The next step of the conversation as message records, one per message.</summary>
    private void QueueMessages(TreeNode? state)
    {
        TurnPhase phase = state?.Phase ?? default;
        var model = new List<Message>();
        var display = new List<Message>();
        if (state is null)
        {
            Message system = _talk.SystemPrompt();
            model.Add(system);
            display.Add(system);
        }

        Step(ref phase, model, display, state?.State.Provider ?? _legacyProvider, pairs: true);
        for (int i = 0; i < model.Count; i++)
        {
            // Format 1 kept an aborted response's reasoning in the message it wrote; later writers saved states without it.
            Message body = _version == 1 && display[i] is Message.AbortedAssistant ? display[i] : model[i];
            _queue.Enqueue(new LegacyMessage(body, display[i], phase, i == model.Count - 1));
        }
    }

    private SessionEntry LegacyMessageRecord(TreeNode? state, string timestamp)
    {
        LegacyMessage next = _queue.Dequeue();
        TreeState after = state is null
            ? new TreeState(1, CompactionState.None, _legacyProvider, NoMetadata)
            : state.State with { Revision = state.State.Revision + 1 };
        // Inside a step the conversation is not at a point a branch could continue from.
        AddLegacy(state, NodeKind.Commit, [.. state?.Model ?? [], next.Body], [next.Shown], after, next.Last ? next.Phase : default, state?.HasSnapshot ?? false, next.Last, appended: 1);
        return new SessionEntry.MessageEntry(timestamp, next.Body, Equals(next.Body, next.Shown) ? null : next.Shown);
    }

    private SessionEntry LegacySnapshot(TreeNode? state, string timestamp)
    {
        TurnPhase phase = state?.Phase ?? default;
        ModelIdentity provider = state?.State.Provider ?? _legacyProvider;
        var appended = new List<Message>();
        var display = new List<Message>();
        if (state is null)
        {
            appended.Add(_talk.SystemPrompt());
        }

        Step(ref phase, appended, display, provider);
        IReadOnlyDictionary<string, string> metadata = state?.State.Metadata ?? NoMetadata;
        if (_rng.Percent(20))
        {
            metadata = new Dictionary<string, string>(metadata, System.StringComparer.Ordinal) { [_rng.Pick(MetadataKeys)] = _talk.MetadataValue() };
        }

        var after = new TreeState((state?.State.Revision ?? 0) + (ulong)_rng.Between(1, 3), state?.State.Compaction ?? CompactionState.None, provider, metadata);
        Message[] history = [.. Saved(state?.Model ?? []), .. appended];
        AddLegacy(state, NodeKind.Commit, history, display, after, phase, hasSnapshot: true, branchable: true, appended.Count);
        return new SessionEntry.Snapshot(timestamp, Snapshot(after, history), Shown(display, timestamp));
    }

    /// <summary>A compaction as older rho saved it: a whole snapshot, the compaction state advanced, no facts (some writers left out the token counts).</summary>
    private SessionEntry LegacyCompaction(TreeNode state, string timestamp)
    {
        Message[] summary = _talk.Summary();
        ulong previousMessages = (ulong)state.Model.Length;
        ulong previousTokens = Tokens(state.Weight, state.Model.Length);
        ulong currentTokens = Tokens(160, summary.Length);
        ulong revision = Advance(state);
        CompactionState c = state.State.Compaction;
        bool counted = _rng.Percent(70);
        var compaction = new CompactionState(
            c.CompletedCompactions + 1,
            c.RemovedMessages + (previousMessages > (ulong)summary.Length ? previousMessages - (ulong)summary.Length : 0),
            c.RemovedTokens + (counted && previousTokens > currentTokens ? previousTokens - currentTokens : 0),
            c.RemovedCostUsdMicros,
            counted ? previousTokens : null,
            counted ? currentTokens : null,
            counted ? revision : null);
        List<Message> display = !state.Phase.Prompted && _rng.Percent(40) ? [Message.UserText("/compact")] : [];
        TreeState after = state.State with { Revision = revision, Compaction = compaction };
        AddLegacy(state, NodeKind.Compaction, summary, display, after, state.Phase, hasSnapshot: true, branchable: true, summary.Length);
        return new SessionEntry.Snapshot(timestamp, Snapshot(after, summary), Shown(display, timestamp));
    }

    private SessionEntry LegacyDelta(TreeNode state, string timestamp)
    {
        TurnPhase phase = state.Phase;
        var appended = new List<Message>();
        var display = new List<Message>();
        Step(ref phase, appended, display, state.State.Provider);
        TreeState after = state.State with { Revision = Advance(state) };
        AddLegacy(state, NodeKind.Commit, [.. Saved(state.Model), .. appended], display, after, phase, hasSnapshot: true, branchable: true, appended.Count);
        var delta = new SessionDelta(state.State.Revision, _sessionId, after.Revision, appended, after.Provider, after.Compaction, after.Metadata, _cacheKey);
        return new SessionEntry.SnapshotDelta(timestamp, delta, Shown(display, timestamp));
    }

    private void AddLegacy(TreeNode? parent, NodeKind kind, Message[] model, List<Message> display, TreeState state, TurnPhase phase, bool hasSnapshot, bool branchable, int appended)
    {
        long weight = 0;
        foreach (Message message in model)
        {
            weight += TreeConversation.Weight(message);
        }

        var node = new TreeNode("legacy:" + _offset.ToString("x16", CultureInfo.InvariantCulture), parent, kind, null, model, display, state, phase, weight, hasSnapshot, branchable);
        _nodes.Add(node);
        Leaf = node;
        MessageCount += appended;
    }

    private SessionSnapshot Snapshot(TreeState state, Message[] history) =>
        new(2, _sessionId, state.Revision, history, state.Provider, state.Compaction, state.Metadata, _cacheKey);

    private static DisplayMessage[] Shown(List<Message> display, string timestamp)
    {
        var shown = new DisplayMessage[display.Count];
        for (int i = 0; i < shown.Length; i++)
        {
            shown[i] = new DisplayMessage(timestamp, display[i]);
        }

        return shown;
    }

    /// <summary>One message record to come: what the model got, what the user saw, and where the step stands after it.</summary>
    private sealed record LegacyMessage(Message Body, Message Shown, TurnPhase Phase, bool Last);
}

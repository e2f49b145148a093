using System;
using System.Collections.Generic;
using System.Globalization;
using Rho.Fast.Serialization;

namespace Rho.Fast.Synthetic;

/// <summary>
/// Writes a format-4 session one entry at a time the way rho 1.47's <c>save_snapshot</c>,
/// <c>save_compaction_snapshot</c> and <c>set_leaf</c> do (docs/FORMAT-V4.md §1–§2), and keeps,
/// for every node, the histories it means: the header, a root node with a full snapshot, then
/// child nodes. A child stores a delta on its parent when its history extends the parent's
/// (<c>base_revision</c> the parent's revision, the revision advancing when anything changed),
/// and a full snapshot when a compaction changed the compaction state (kind <c>compaction</c>,
/// with its facts) or when the history does not extend the parent's (a retried aborted
/// response). Now and then <c>set_leaf</c> moves back to an older node and the next node branches
/// from it.
/// </summary>
internal sealed partial class TreeSessionBuilder
{
    private static readonly ModelIdentity[] Providers =
    [
        new("openai", "responses", "gpt-5"),
        new("anthropic", "messages", "claude-sonnet-4-5"),
        new("google", "gemini", "gemini-2.5-pro"),
    ];

    private static readonly string[] MetadataKeys = ["goal", "source", "title"];

    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    private readonly TreeConversation _talk;
    private readonly List<TreeNode> _nodes = new();
    private readonly string _sessionId;
    private readonly string _cacheKey;
    private readonly long _compactAtWeight;
    private readonly int _compactAtCount;
    private readonly bool _growing;
    private SplitMix64 _rng;
    private long _clock;
    private bool _headerWritten;
    private bool _justMoved;

    public TreeSessionBuilder(ulong seed, SyntheticTextSize size, SyntheticTreeShape shape, uint version = 4)
    {
        _growing = shape == SyntheticTreeShape.Growing;
        _version = version;
        _explicit = version == 4;
        _rng = new SplitMix64(seed ^ 0x0B1E_57EE_0000_0004);
        _talk = new TreeConversation(seed, size);
        _sessionId = _talk.Uuid();
        _cacheKey = "rho:" + _sessionId;
        _clock = 1_757_000_000 + (long)(seed % 10_000_000);
        // rho compacts when the context fills up; short sessions compact early so small files hold several compactions.
        _compactAtWeight = size == SyntheticTextSize.Short ? 3_000 : 300_000;
        _compactAtCount = size == SyntheticTextSize.Short ? 40 : 400;
        if (!_explicit)
        {
            _legacyLeft = _rng.Between(2, 30);
            _upgrades = _rng.Percent(75);
            _legacyProvider = _rng.Pick(Providers);
        }
    }

    /// <summary>The active leaf after the entries so far; none before the root node.</summary>
    public TreeNode? Leaf { get; private set; }

    /// <summary>The model messages the entries so far introduced, each counted once.</summary>
    public long MessageCount { get; private set; }

    /// <summary>The next entry.</summary>
    public SessionEntry Next()
    {
        if (_explicit)
        {
            return NextExplicit();
        }

        // Legacy nodes are named by the offset of their line: count every byte until the tree takes over.
        SessionEntry entry = NextLegacy();
        _offset += Wire.SerializeToUtf8Bytes(entry).Length + 1;
        return entry;
    }

    private SessionEntry NextExplicit()
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            return new SessionEntry.Header(4, _sessionId, Now(), SyntheticSession.DefaultCwd, "default", "fingerprint-v2:" + _rng.Next().ToString("x16", CultureInfo.InvariantCulture));
        }

        _clock += _rng.Between(0, 3);
        string timestamp = Now();
        if (Leaf is not { } parent)
        {
            return Root(timestamp);
        }

        if (parent.IsLegacy)
        {
            // rho's first node after the upgrade marker, and any node on a message-only state, is saved whole.
            bool full = _firstExplicit || !parent.HasSnapshot;
            _firstExplicit = false;
            _justMoved = false;
            return Commit(parent, timestamp, full);
        }

        if (!_justMoved && _nodes.Count >= 4 && _rng.Percent(4) && BranchTarget(parent) is { } target)
        {
            _justMoved = true;
            Leaf = target;
            return new SessionEntry.SetLeaf(timestamp, target.Id);
        }

        _justMoved = false;
        bool settled = parent.Phase.PendingResults is null;
        bool idle = settled && !parent.Phase.Prompted;
        if (!_growing && settled && parent.Model.Length >= 3 && (parent.Weight > _compactAtWeight || parent.Model.Length > _compactAtCount || _rng.Percent(2)))
        {
            return Compaction(parent, timestamp);
        }

        if (!_growing && parent.Model[^1] is Message.AbortedAssistant && _rng.Percent(60))
        {
            return Retry(parent, timestamp);
        }

        int roll = _rng.Below(100);
        if (roll < 3 && idle)
        {
            return DisplayOnly(parent, timestamp);
        }

        return roll < 7 ? MetadataChange(parent, timestamp) : Commit(parent, timestamp, full: false);
    }

    private SessionEntry Root(string timestamp)
    {
        ModelIdentity provider = _rng.Pick(Providers);
        var phase = default(TurnPhase);
        var model = new List<Message> { _talk.SystemPrompt() };
        var display = new List<Message>();
        Step(ref phase, model, display, provider);
        var state = new TreeState(1, CompactionState.None, provider, NoMetadata);
        return Add(parent: null, NodeKind.Commit, null, [.. model], display, state, phase, timestamp, full: true, appended: model.Count);
    }

    /// <summary>An ordinary step: the next messages appended, saved as a delta (or whole, where rho must).</summary>
    private SessionEntry Commit(TreeNode parent, string timestamp, bool full)
    {
        TurnPhase phase = parent.Phase;
        ModelIdentity provider = parent.State.Provider;
        var appended = new List<Message>();
        var display = new List<Message>();
        if (!phase.Prompted && phase.PendingResults is null && _rng.Percent(3))
        {
            // Between turns the user switched models: the command is shown, the snapshot names the new provider.
            provider = _rng.Pick(Providers);
            display.Add(Message.UserText("/model " + provider.Model));
        }

        Step(ref phase, appended, display, provider);
        TreeState state = parent.State with { Revision = Advance(parent), Provider = provider };
        return Add(parent, NodeKind.Commit, null, [.. Saved(parent.Model), .. appended], display, state, phase, timestamp, full, appended.Count);
    }

    /// <summary>An aborted response answered again: the history no longer extends the parent's, so rho saves it whole.</summary>
    private SessionEntry Retry(TreeNode parent, string timestamp)
    {
        (Message answer, Message shown) = _talk.Answer(parent.State.Provider);
        TurnPhase phase = parent.Phase;
        phase.Prompted = false;
        TreeState state = parent.State with { Revision = Advance(parent) };
        return Add(parent, NodeKind.Commit, null, [.. parent.Model.AsSpan(0, parent.Model.Length - 1), answer], [shown], state, phase, timestamp, full: true, appended: 1);
    }

    /// <summary>A local command typed between turns, and its output: shown, nothing saved changes, so the revision stays.</summary>
    private SessionEntry DisplayOnly(TreeNode parent, string timestamp) =>
        Add(parent, NodeKind.Commit, null, parent.Model, [_talk.SlashCommand(), _talk.LocalOutput()], parent.State, parent.Phase, timestamp, full: false, appended: 0);

    /// <summary>Only the session's metadata changes: an empty delta with a new revision.</summary>
    private SessionEntry MetadataChange(TreeNode parent, string timestamp)
    {
        var metadata = new Dictionary<string, string>(parent.State.Metadata, StringComparer.Ordinal)
        {
            [_rng.Pick(MetadataKeys)] = _talk.MetadataValue(),
        };
        TreeState state = parent.State with { Revision = Advance(parent), Metadata = metadata };
        return Add(parent, NodeKind.Commit, null, parent.Model, [], state, parent.Phase, timestamp, full: false, appended: 0);
    }

    /// <summary>The history replaced by a summary: a full snapshot, the compaction state advanced, the facts recorded.</summary>
    private SessionEntry Compaction(TreeNode parent, string timestamp)
    {
        Message[] summary = _talk.Summary();
        ulong previousMessages = (ulong)parent.Model.Length;
        ulong currentMessages = (ulong)summary.Length;
        ulong previousTokens = Tokens(parent.Weight, parent.Model.Length);
        long summaryWeight = 0;
        foreach (Message message in summary)
        {
            summaryWeight += TreeConversation.Weight(message);
        }

        ulong currentTokens = Tokens(summaryWeight, summary.Length);
        ulong? cost = _rng.Percent(70) ? (ulong)_rng.Between(100, 90_000) : null;
        ulong revision = Advance(parent);
        CompactionState c = parent.State.Compaction;
        var compaction = new CompactionState(
            c.CompletedCompactions + 1,
            c.RemovedMessages + (previousMessages > currentMessages ? previousMessages - currentMessages : 0),
            c.RemovedTokens + (previousTokens > currentTokens ? previousTokens - currentTokens : 0),
            c.RemovedCostUsdMicros + (cost ?? 0),
            previousTokens,
            currentTokens,
            revision);
        var facts = new CompactionFacts(previousMessages, currentMessages, previousTokens, currentTokens, cost);
        // Between turns the user may have asked for it; otherwise rho compacted on its own.
        List<Message> display = !parent.Phase.Prompted && _rng.Percent(40) ? [Message.UserText("/compact")] : [];
        TreeState state = parent.State with { Revision = revision, Compaction = compaction };
        return Add(parent, NodeKind.Compaction, facts, summary, display, state, parent.Phase, timestamp, full: true, summary.Length);
    }

    /// <summary>
    /// Appends the conversation's next messages: the results of a tool turn saved before its tools
    /// ran, then prompts, tool turns and answers until a few messages are in. Ends early after an
    /// answer, and now and then right after a tool call, before its results (so the node leaves the
    /// turn unanswered for the next one to finish).
    /// </summary>
    private void Step(ref TurnPhase phase, List<Message> model, List<Message> display, ModelIdentity provider, bool pairs = false)
    {
        if (phase.PendingResults is { } pending)
        {
            model.AddRange(pending);
            display.AddRange(pending);
            phase.PendingResults = null;
        }

        int target = model.Count + _rng.Between(1, 7);
        while (model.Count < target)
        {
            if (!phase.Prompted)
            {
                if (_rng.Percent(5) && !pairs)
                {
                    model.Add(_talk.HiddenContext());
                }

                (Message prompt, Message typed) = _talk.UserPrompt();
                model.Add(prompt);
                display.Add(typed);
                phase.Prompted = true;
                phase.ToolTurnsLeft = _rng.Below(4);
            }
            else if (phase.ToolTurnsLeft > 0)
            {
                phase.ToolTurnsLeft--;
                (Message call, Message[] results) = _talk.ToolTurn(provider);
                model.Add(call);
                display.Add(call);
                if (_rng.Percent(10))
                {
                    phase.PendingResults = results;
                    return;
                }

                model.AddRange(results);
                display.AddRange(results);
            }
            else
            {
                (Message answer, Message shown) = _talk.Answer(provider);
                model.Add(answer);
                display.Add(shown);
                phase.Prompted = false;
                if (_rng.Percent(50))
                {
                    return;
                }
            }
        }
    }

    private SessionEntry Add(TreeNode? parent, NodeKind kind, CompactionFacts? facts, Message[] model, List<Message> display, TreeState state, TurnPhase phase, string timestamp, bool full, int appended)
    {
        // The weight of what the parent's history kept, plus what is new.
        long weight = full ? 0 : parent!.Weight;
        for (int i = full ? 0 : model.Length - appended; i < model.Length; i++)
        {
            weight += TreeConversation.Weight(model[i]);
        }

        var node = new TreeNode(_talk.Uuid(), parent, kind, facts, model, display, state, phase, weight);
        _nodes.Add(node);
        Leaf = node;
        MessageCount += appended;
        NodeTransition transition = full
            ? new NodeTransition.Snapshot(new SessionSnapshot(2, _sessionId, state.Revision, model, state.Provider, state.Compaction, state.Metadata, _cacheKey))
            : new NodeTransition.SnapshotDelta(new SessionDelta(
                parent!.State.Revision, _sessionId, state.Revision, model[parent.Model.Length..], state.Provider, state.Compaction, state.Metadata, _cacheKey));
        var shown = new DisplayMessage[display.Count];
        for (int i = 0; i < shown.Length; i++)
        {
            // rho stamps a node's display messages with the node's own time.
            shown[i] = new DisplayMessage(timestamp, display[i]);
        }

        return new SessionEntry.Node(node.Id, parent?.Id, timestamp, kind, facts, transition, shown);
    }

    /// <summary>A history as a saved state holds it: aborted responses without their reasoning.</summary>
    private static Message[] Saved(Message[] history)
    {
        Message[]? copy = null;
        for (int i = 0; i < history.Length; i++)
        {
            if (history[i] is Message.AbortedAssistant { Reasoning.IsEmpty: false } aborted)
            {
                copy ??= (Message[])history.Clone();
                copy[i] = aborted with { Reasoning = Utf8Text.Empty };
            }
        }

        return copy ?? history;
    }

    /// <summary>An older node to branch from: mostly a recent one, sometimes any; none when no node may start a branch.</summary>
    private TreeNode? BranchTarget(TreeNode leaf)
    {
        int from = _rng.Percent(70) ? Math.Max(0, _nodes.Count - 12) : 0;
        for (int attempt = 0; attempt < 32; attempt++)
        {
            TreeNode candidate = _nodes[from + _rng.Below(_nodes.Count - from)];
            if (!ReferenceEquals(candidate, leaf) && candidate.Branchable)
            {
                return candidate;
            }
        }

        return _nodes.FindLast(node => !ReferenceEquals(node, leaf) && node.Branchable);
    }

    private ulong Advance(TreeNode parent) => parent.State.Revision + (ulong)_rng.Between(1, 4);

    private static ulong Tokens(long weight, int messages) => (ulong)(weight / 4 + 4L * messages);

    private string Now() => _clock.ToString(CultureInfo.InvariantCulture);
}

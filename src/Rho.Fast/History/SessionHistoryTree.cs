using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Rho.Fast;

/// <summary>The rebuilt tree of a session: its nodes in file order and the active leaf, and the two histories rho resumes with.</summary>
internal sealed class SessionHistoryTree
{
    private readonly List<HistoryNode> _nodes;
    private readonly HistoryNode? _active;

    public SessionHistoryTree(List<HistoryNode> nodes, HistoryNode? active)
    {
        _nodes = nodes;
        _active = active;
    }

    /// <summary>The active state's model history, before unanswered tool turns are cut.</summary>
    public List<Message> FullModel() => _active is null ? new List<Message>() : _active.State.Model.ToList();

    /// <summary>What the user saw along the active branch, with a notice after each compaction, before unanswered tool turns are cut.</summary>
    public List<Message> FullDisplay()
    {
        var display = new List<Message>();
        if (_active is null)
        {
            return display;
        }

        var path = new List<HistoryNode>();
        for (HistoryNode? node = _active; node is not null; node = node.Parent)
        {
            path.Add(node);
        }

        for (int i = path.Count - 1; i >= 0; i--)
        {
            HistoryNode node = path[i];
            display.AddRange(node.OwnDisplay);
            if (node.Kind == NodeKind.Compaction)
            {
                display.Add(Notice(node));
            }
        }

        return display;
    }

    /// <summary>The active state's display so far, without notices (what rho's index counts).</summary>
    public List<Message> AccumulatedDisplay() => _active is null ? new List<Message>() : _active.State.Display.ToList();

    public SessionTree ToTree()
    {
        var onPath = new HashSet<HistoryNode>(ReferenceEqualityComparer.Instance);
        for (HistoryNode? node = _active; node is not null; node = node.Parent)
        {
            onPath.Add(node);
        }

        var nodes = new List<SessionTreeNode>(_nodes.Count);
        foreach (HistoryNode node in _nodes)
        {
            nodes.Add(new SessionTreeNode(
                node.Id,
                node.Parent?.Id,
                node.Kind,
                node.Timestamp,
                node.LegacyOffset >= 0,
                node.State.Model.Count,
                node.OwnDisplay.Count,
                onPath.Contains(node)));
        }

        return new SessionTree(nodes, _active?.Id);
    }

    /// <summary>rho's "◆ Compacted context" notice, with what the compaction removed when it is known.</summary>
    private static Message Notice(HistoryNode node)
    {
        var text = new StringBuilder("\u25C6 Compacted context");
        if (node.Facts is { } facts)
        {
            text.Append('\n').Append(Number(facts.PreviousMessages)).Append(" \u2192 ").Append(Number(facts.CurrentMessages)).Append(" messages");
            text.Append('\n').Append(Number(facts.PreviousTokens)).Append(" \u2192 ").Append(Number(facts.CurrentTokens)).Append(" estimated tokens");
            if (facts.CostUsdMicros is ulong micros)
            {
                // Micros as dollars with six decimals, the way rho prints the f64 quotient.
                text.Append("\n$").Append(Number(micros / 1_000_000)).Append('.').Append((micros % 1_000_000).ToString("D6", CultureInfo.InvariantCulture)).Append(" compaction cost");
            }
        }
        else if (node.State.Compaction is { LastPreviousTokens: ulong before, LastCurrentTokens: ulong after })
        {
            text.Append('\n').Append(Number(before)).Append(" \u2192 ").Append(Number(after)).Append(" estimated tokens");
        }

        return Message.AssistantText(text.ToString());
    }

    private static string Number(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}

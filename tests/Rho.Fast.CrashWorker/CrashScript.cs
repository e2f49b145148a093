using System.Collections.Generic;
using Rho.Fast.Synthetic;

namespace Rho.Fast.CrashWorker;

/// <summary>
/// The endless, deterministic history a crash-test session should hold: the synthetic
/// conversation for a seed, so message <c>i</c> is the same in every process. A restarted writer
/// continues exactly where the repaired file ends, and the checker knows what every position must
/// contain. Messages come in units: a single message, or a tool turn (an assistant message with
/// tool calls, then each result as its own message), which the writer appends one message at a
/// time so that kills land inside turns.
/// </summary>
public sealed class CrashScript
{
    private readonly IEnumerator<Message> _source;
    private readonly List<Message> _messages = new();
    private readonly List<bool> _startsUnit = new();

    public CrashScript(ulong seed)
    {
        Seed = seed;
        _source = SyntheticSession.Messages(int.MaxValue, seed).GetEnumerator();
    }

    /// <summary>The seed that defines the history.</summary>
    public ulong Seed { get; }

    /// <summary>Message <paramref name="index"/> of the history.</summary>
    public Message this[int index]
    {
        get
        {
            Extend(index + 1);
            return _messages[index];
        }
    }

    /// <summary>Whether a history of <paramref name="count"/> messages ends between units (never inside a tool turn).</summary>
    public bool IsUnitBoundary(int count)
    {
        Extend(count + 1);
        return _startsUnit[count];
    }

    /// <summary>The longest history of at most <paramref name="count"/> messages that ends between units.</summary>
    public int BoundaryAtOrBelow(int count)
    {
        while (!IsUnitBoundary(count))
        {
            count--;
        }

        return count;
    }

    /// <summary>The shortest history of at least <paramref name="count"/> messages that ends between units.</summary>
    public int BoundaryAtOrAbove(int count)
    {
        while (!IsUnitBoundary(count))
        {
            count++;
        }

        return count;
    }

    private void Extend(int count)
    {
        while (_messages.Count < count)
        {
            Message first = Next();
            _messages.Add(first);
            _startsUnit.Add(true);
            int results = first is Message.Assistant assistant ? assistant.ToolCallCount : 0;
            for (int i = 0; i < results; i++)
            {
                _messages.Add(Next());
                _startsUnit.Add(false);
            }
        }
    }

    private Message Next() =>
        _source.MoveNext() ? _source.Current : throw new System.InvalidOperationException("the synthetic conversation ended");
}

using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>
/// A prefix of an append-only list: the states of a session share their history with the states
/// they continue, so a step that appends costs what it appends, not the whole history. Appending to
/// a view that is not the newest of its list (a branch) copies the prefix once.
/// </summary>
internal readonly struct HistoryView<T>
{
    private readonly List<T>? _items;

    private HistoryView(List<T> items, int count)
    {
        _items = items;
        Count = count;
    }

    public int Count { get; }

    public T this[int index] => _items![index];

    public static HistoryView<T> Of(List<T> items) => new(items, items.Count);

    /// <summary>The first <paramref name="count"/> items of this view's list.</summary>
    public HistoryView<T> Take(int count) => count <= Count ? new(_items!, count) : throw new System.ArgumentOutOfRangeException(nameof(count));

    public HistoryView<T> Append(T item)
    {
        List<T> items = Owned(1);
        items.Add(item);
        return new HistoryView<T>(items, Count + 1);
    }

    public HistoryView<T> AppendRange(IReadOnlyList<T> added)
    {
        if (added.Count == 0)
        {
            return this;
        }

        List<T> items = Owned(added.Count);
        for (int i = 0; i < added.Count; i++)
        {
            items.Add(added[i]);
        }

        return new HistoryView<T>(items, Count + added.Count);
    }

    /// <summary>Whether both are the same prefix of the same list (a copy with equal items is not).</summary>
    public bool IsSameView(HistoryView<T> other) => ReferenceEquals(_items, other._items) && Count == other.Count;

    /// <summary>
    /// The view's list itself, cut to its first <paramref name="count"/> items, for a caller that
    /// takes it over: no view of the list may be used after.
    /// </summary>
    public List<T> Detach(int count)
    {
        if (count > Count)
        {
            throw new System.ArgumentOutOfRangeException(nameof(count));
        }

        List<T> items = _items ?? new List<T>();
        items.RemoveRange(count, items.Count - count);
        return items;
    }

    public List<T> ToList()
    {
        var list = new List<T>(Count);
        for (int i = 0; i < Count; i++)
        {
            list.Add(_items![i]);
        }

        return list;
    }

    /// <summary>Whether the view holds <paramref name="other"/>'s items, in order.</summary>
    public bool SequenceEqual(IReadOnlyList<T> other) => other.Count == Count && IsPrefixOf(other);

    /// <summary>Whether the two views hold equal items, in order; views of one list are compared by count.</summary>
    public bool SequenceEqual(HistoryView<T> other)
    {
        if (other.Count != Count)
        {
            return false;
        }

        if (ReferenceEquals(other._items, _items))
        {
            return true;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < Count; i++)
        {
            if (!comparer.Equals(_items![i], other._items![i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="list"/> begins with this view's items.</summary>
    public bool IsPrefixOf(IReadOnlyList<T> list)
    {
        if (Count > list.Count)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < Count; i++)
        {
            if (!comparer.Equals(_items![i], list[i]))
            {
                return false;
            }
        }

        return true;
    }

    private List<T> Owned(int extra)
    {
        if (_items is not null && _items.Count == Count)
        {
            return _items;
        }

        var copy = new List<T>(Count + extra);
        for (int i = 0; i < Count; i++)
        {
            copy.Add(_items![i]);
        }

        return copy;
    }
}

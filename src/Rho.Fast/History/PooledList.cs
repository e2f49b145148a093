using System;
using System.Buffers;

namespace Rho.Fast;

/// <summary>
/// A list that starts in caller-given (usually stack) memory and moves to pooled arrays when it
/// outgrows it, so walking a value allocates nothing in the steady state. Dispose it to return
/// the array.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal ref struct PooledList<T>
{
    private Span<T> _items;
    private T[]? _rented;
    private int _count;

    /// <summary>Creates an empty list over <paramref name="initial"/>.</summary>
    public PooledList(Span<T> initial) => _items = initial;

    /// <summary>The number of elements.</summary>
    public readonly int Count => _count;

    /// <summary>The elements.</summary>
    public readonly Span<T> Items => _items[.._count];

    /// <summary>Adds <paramref name="item"/> at the end.</summary>
    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            Grow(1);
        }

        _items[_count++] = item;
    }

    /// <summary>Adds <paramref name="length"/> elements at the end and returns them to be filled.</summary>
    public Span<T> Append(int length)
    {
        if (_items.Length - _count < length)
        {
            Grow(length);
        }

        Span<T> added = _items.Slice(_count, length);
        _count += length;
        return added;
    }

    /// <summary>Drops the elements from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => _count = count;

    /// <summary>Returns the pooled array, if any.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<T>.Shared.Return(_rented);
            _rented = null;
        }

        _items = default;
        _count = 0;
    }

    private void Grow(int needed)
    {
        T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(checked(_count + needed), Math.Max(16, _items.Length * 2)));
        _items[.._count].CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<T>.Shared.Return(_rented);
        }

        _rented = larger;
        _items = larger;
    }
}

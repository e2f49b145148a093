using System;
using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>Value equality for the lists and maps of the model, which records compare by reference otherwise.</summary>
internal static class Sequences
{
    public static bool Equal<T>(IReadOnlyList<T> left, IReadOnlyList<T> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Count; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Equal(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, string> pair in left)
        {
            if (!right.TryGetValue(pair.Key, out string? value) || !string.Equals(value, pair.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static int Hash<T>(IReadOnlyList<T> items)
    {
        // The count and the ends: cheap, and enough to spread the lists a session holds.
        var hash = new HashCode();
        hash.Add(items.Count);
        if (items.Count > 0)
        {
            hash.Add(items[0]);
            hash.Add(items[^1]);
        }

        return hash.ToHashCode();
    }
}

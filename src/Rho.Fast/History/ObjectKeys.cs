using System;
using System.Buffers;

namespace Rho.Fast;

/// <summary>
/// Repeated keys in one JSON object, as serde_json's map (an IndexMap with
/// <c>preserve_order</c>) resolves them: a key keeps the place of its first appearance and the
/// value of its last.
/// </summary>
internal static class ObjectKeys
{
    /// <summary>Up to this many keys, every pair is compared; beyond, keys are sorted by hash first.</summary>
    private const int PairwiseLimit = 16;

    /// <summary>
    /// For each key of <paramref name="keys"/> (ranges of <paramref name="text"/>, compared by
    /// bytes): the index of the last key equal to it when it is the first of them, else -1.
    /// Returns whether any key repeats.
    /// </summary>
    /// <param name="text">The text the ranges point into.</param>
    /// <param name="keys">The object's keys, in order.</param>
    /// <param name="winners">As long as <paramref name="keys"/>; receives the result.</param>
    public static bool Resolve(ReadOnlySpan<byte> text, ReadOnlySpan<Range> keys, Span<int> winners)
    {
        for (int i = 0; i < keys.Length; i++)
        {
            winners[i] = i;
        }

        if (keys.Length < 2)
        {
            return false;
        }

        if (keys.Length <= PairwiseLimit)
        {
            return ResolveAmong(text, keys, winners, order: default);
        }

        // Sorting (hash, index) pairs puts equal keys next to each other, in their order; only
        // keys that share a hash are compared. The hash is seeded per process, so input cannot
        // be built to make every key collide.
        ulong[] rented = ArrayPool<ulong>.Shared.Rent(keys.Length);
        try
        {
            Span<ulong> sorted = rented.AsSpan(0, keys.Length);
            for (int i = 0; i < keys.Length; i++)
            {
                var hash = new HashCode();
                hash.AddBytes(text[keys[i]]);
                sorted[i] = ((ulong)(uint)hash.ToHashCode() << 32) | (uint)i;
            }

            sorted.Sort();
            bool any = false;
            int start = 0;
            while (start < sorted.Length)
            {
                int end = start + 1;
                while (end < sorted.Length && sorted[end] >> 32 == sorted[start] >> 32)
                {
                    end++;
                }

                if (end - start > 1)
                {
                    any |= ResolveAmong(text, keys, winners, sorted[start..end]);
                }

                start = end;
            }

            return any;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Resolves the keys whose indexes are the low halves of <paramref name="order"/> (ascending),
    /// or all of them when it is empty, by comparing every pair.
    /// </summary>
    private static bool ResolveAmong(ReadOnlySpan<byte> text, ReadOnlySpan<Range> keys, Span<int> winners, ReadOnlySpan<ulong> order)
    {
        int count = order.IsEmpty ? keys.Length : order.Length;
        bool any = false;
        for (int a = 0; a < count; a++)
        {
            int first = order.IsEmpty ? a : (int)(uint)order[a];
            if (winners[first] < 0)
            {
                continue;
            }

            ReadOnlySpan<byte> name = text[keys[first]];
            for (int b = a + 1; b < count; b++)
            {
                int later = order.IsEmpty ? b : (int)(uint)order[b];
                if (winners[later] >= 0 && text[keys[later]].SequenceEqual(name))
                {
                    winners[first] = later;
                    winners[later] = -1;
                    any = true;
                }
            }
        }

        return any;
    }
}

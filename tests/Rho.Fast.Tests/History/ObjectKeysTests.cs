using System;
using System.Collections.Generic;
using System.Text;
using Xunit;

namespace Rho.Fast.Tests.History;

/// <summary>Repeated keys resolve as an IndexMap does: first place, last value.</summary>
public sealed class ObjectKeysTests
{
    [Theory]
    [InlineData(new[] { "a" }, new[] { 0 })]
    [InlineData(new[] { "a", "b" }, new[] { 0, 1 })]
    [InlineData(new[] { "a", "b", "a" }, new[] { 2, 1, -1 })]
    [InlineData(new[] { "a", "a", "a", "b", "a" }, new[] { 4, -1, -1, 3, -1 })]
    [InlineData(new[] { "", "x", "" }, new[] { 2, 1, -1 })]
    [InlineData(new[] { "ab", "a", "b", "ba" }, new[] { 0, 1, 2, 3 })]
    public void Each_first_key_takes_the_last_value(string[] keys, int[] expected)
    {
        Assert.Equal(expected, Resolve(keys, out bool any));
        Assert.Equal(Array.Exists(expected, w => w < 0), any);
    }

    [Fact]
    public void Many_keys_resolve_as_a_dictionary_of_first_places_would()
    {
        // Random objects on both sides of the pairwise limit, against a simple model.
        var random = new Random(11);
        for (int trial = 0; trial < 2000; trial++)
        {
            int count = random.Next(0, 80);
            int distinct = random.Next(1, 90);
            var keys = new string[count];
            for (int i = 0; i < count; i++)
            {
                keys[i] = "k" + random.Next(distinct);
            }

            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            var expected = new int[count];
            for (int i = 0; i < count; i++)
            {
                if (first.TryGetValue(keys[i], out int at))
                {
                    expected[at] = i;
                    expected[i] = -1;
                }
                else
                {
                    first[keys[i]] = i;
                    expected[i] = i;
                }
            }

            Assert.Equal(expected, Resolve(keys, out bool any));
            Assert.Equal(first.Count < count, any);
        }
    }

    private static int[] Resolve(string[] keys, out bool any)
    {
        var text = new StringBuilder();
        var ranges = new Range[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            int start = Encoding.UTF8.GetByteCount(text.ToString());
            text.Append(keys[i]);
            ranges[i] = new Range(start, start + Encoding.UTF8.GetByteCount(keys[i]));
        }

        var winners = new int[keys.Length];
        any = ObjectKeys.Resolve(Encoding.UTF8.GetBytes(text.ToString()), ranges, winners);
        return winners;
    }
}

using System.Collections.Generic;

namespace Rho.Fast.SerdeVectors.Tests;

/// <summary>How many vectors of each type still differ from serde (each listed in the test output); zero unless listed.</summary>
internal static class KnownDifferences
{
    private static readonly Dictionary<string, int> s_counts = new()
    {
        // Every vector matches; a new gap is listed here by type, its differences printed by the test.
    };

    public static int For(string type) => s_counts.TryGetValue(type, out int count) ? count : 0;
}

using System.Collections.Generic;

namespace Rho.Fast.Benchmarks;

/// <summary>
/// What a run covers. Parameter sources are evaluated in the host process before any benchmark
/// runs, so setting <see cref="Quick"/> in <c>Program</c> shrinks every parameter set.
/// </summary>
public static class BenchmarkSettings
{
    /// <summary>Small corpora and short jobs, for CI and a first look.</summary>
    public static bool Quick { get; set; }

    /// <summary>Corpus sizes (MB) for the read and write comparisons.</summary>
    public static IEnumerable<int> ComparisonSizes => Quick ? [1] : [1, 100];

    /// <summary>Corpus sizes (MB) for the scale check.</summary>
    public static IEnumerable<int> ScaleSizes => Quick ? [1, 10] : [1, 10, 100];

    /// <summary>Corpus sizes (MB) for the search.</summary>
    public static IEnumerable<int> SearchSizes => Quick ? [1] : [1000];

    /// <summary>The size of each of the 750 sessions of the listing benchmark, in KB.</summary>
    public static IEnumerable<int> ListSessionSizes => Quick ? [32] : [1300];

    /// <summary>How many sessions the listing benchmark's workspace holds.</summary>
    public const int ListSessionCount = 750;
}

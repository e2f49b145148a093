using System;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// The size of the randomized runs: a CI-sized default, and a long version with
/// <c>RHO_FAST_LONG=1</c>. <c>RHO_FAST_SEED</c> replays a run with a fixed seed.
/// </summary>
internal static class LongRun
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("RHO_FAST_LONG") is "1" or "true";

    /// <summary>The seed of this run: fixed by <c>RHO_FAST_SEED</c>, else fresh, and always printed by the tests that use it.</summary>
    public static ulong Seed { get; } = ulong.TryParse(Environment.GetEnvironmentVariable("RHO_FAST_SEED"), out ulong seed)
        ? seed
        : (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    public static int Pick(int ci, int longRun) => Enabled ? longRun : ci;
}

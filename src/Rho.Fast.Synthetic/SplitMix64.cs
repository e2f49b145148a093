namespace Rho.Fast.Synthetic;

/// <summary>
/// SplitMix64, a tiny PRNG with a fixed, documented output sequence, so synthetic sessions are the
/// same bytes for a seed on every runtime and platform (unlike <see cref="System.Random"/>).
/// Integer arithmetic only.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, <paramref name="bound"/>); the modulo bias is irrelevant at these bounds.</summary>
    public int Below(int bound) => (int)(Next() % (ulong)bound);

    /// <summary>A value in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Percent(int percent) => Below(100) < percent;

    /// <summary>True with probability 1/<paramref name="n"/>.</summary>
    public bool OneIn(int n) => Below(n) == 0;

    /// <summary>
    /// A heavy-tailed size in [<paramref name="min"/>, <paramref name="min"/>·2^<paramref name="octaves"/>):
    /// an octave picked uniformly, then a uniform value inside it (log-uniform without floating point).
    /// </summary>
    public int Octaves(int min, int octaves)
    {
        int low = min << Below(octaves);
        return low + Below(low);
    }

    public T Pick<T>(T[] items) => items[Below(items.Length)];
}

namespace YouthJustice.Sdk.Synthetic;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a small, fast generator whose output is fixed by its seed on every
/// runtime, machine and culture (unlike <see cref="Random"/>, whose algorithm the framework may change).
/// </summary>
/// <remarks>
/// Only integer arithmetic and exactly-rounded double operations (+, -, *, /) are used to derive samples:
/// transcendental functions such as <see cref="Math.Log(double)"/> may differ in their last bit between platforms,
/// and one flipped comparison would change the whole dataset. Not thread-safe: each area owns its own instance.
/// </remarks>
internal sealed class SyntheticRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SyntheticRandom(ulong seed, ulong stream)
    {
        // Mixing the stream into the seed with a large odd constant keeps each area's sequence independent.
        var x = seed ^ (stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    private static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's method).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 1)
        {
            return 0;
        }
        var m = (ulong)maxExclusive;
        var product = Math.BigMul(NextUInt64(), m, out var low);
        if (low < m)
        {
            var threshold = (0UL - m) % m;
            while (low < threshold)
            {
                product = Math.BigMul(NextUInt64(), m, out low);
            }
        }
        return (int)product;
    }

    /// <summary>An integer in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Roughly normal noise with mean 0 and standard deviation 1 (Irwin-Hall sum of four uniforms).</summary>
    public double Noise() => (NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0) * 1.7320508075688772;

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }
        var u = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }
        // Rounding can leave a sliver at the top: give it to the last non-zero weight.
        for (var i = weights.Length - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }
        return 0;
    }
}

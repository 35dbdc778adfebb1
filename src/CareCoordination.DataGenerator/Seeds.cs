namespace CareCoordination.DataGenerator;

/// <summary>
/// One random stream per stage, derived from the seed and the stage's name, so that drawing more in one stage does not
/// shift what every later stage draws.
/// </summary>
internal static class Seeds
{
    public static Random For(int seed, string stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        // FNV-1a over the name, then SplitMix64's finalizer over name and seed: stable across runs and platforms,
        // unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in stage)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var mixed = hash ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
        mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL;
        mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL;
        mixed ^= mixed >> 31;
        return new Random((int)(mixed & int.MaxValue));
    }

    /// <summary>A version-4-shaped Guid drawn from the stream.</summary>
    public static Guid NextGuid(this Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static bool Chance(this Random random, double probability)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.NextDouble() < probability;
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(items);
        return items[random.Next(items.Count)];
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * random.NextDouble());
    }
}

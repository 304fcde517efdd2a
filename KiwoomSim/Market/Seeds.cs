namespace Gslts.KiwoomSim.Market;

/// <summary>
/// Seeds mixed the same way in every process (.NET randomises string hashes and <see cref="HashCode"/> per process),
/// so the same configured seed gives the same market on every run.
/// </summary>
public static class Seeds
{
    public static int Mix(int seed, int a, int b = 0) => (int)Finish(Finish(Finish((ulong)(uint)seed) ^ (uint)a) ^ (uint)b);

    /// <summary>A stable hash of a stock code (FNV-1a).</summary>
    public static int Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }

    // SplitMix64's finaliser: every input bit reaches every output bit.
    private static ulong Finish(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

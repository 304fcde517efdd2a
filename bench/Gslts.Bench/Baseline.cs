using System.Diagnostics;

namespace Gslts.Bench;

/// <summary>A fixed CPU yardstick measured in the same run, so figures compare across machines as ratios.</summary>
public static class Baseline
{
    public static TimeSpan Measure()
    {
        var random = new Random(1);
        var data = new long[1_000_000];
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < data.Length; i++) data[i] = random.NextInt64();
            var watch = Stopwatch.StartNew();
            Array.Sort(data);
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }
}

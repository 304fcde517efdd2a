namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// Time from the first bytes of a trade's frame reaching the bridge to its grain having applied it (or another stage of
/// the way), as a histogram of whole milliseconds (the last bucket holds everything from 10 s up). Written by the
/// feeder's loop only; read by anyone.
/// </summary>
public sealed class FeedLatency
{
    private const int Buckets = 10_001;
    private readonly long[] counts = new long[Buckets];

    public long Count => counts.Sum();

    public void Record(TimeSpan latency)
    {
        var ms = (long)latency.TotalMilliseconds;
        Interlocked.Increment(ref counts[Math.Clamp(ms, 0, Buckets - 1)]);
    }

    /// <summary>The latency in milliseconds at or below which <paramref name="fraction"/> of the trades fell.</summary>
    public long Percentile(double fraction)
    {
        var snapshot = (long[])counts.Clone();
        var total = snapshot.Sum();
        if (total == 0) return 0;
        var rank = (long)Math.Ceiling(total * fraction);
        long seen = 0;
        for (var ms = 0; ms < snapshot.Length; ms++)
        {
            seen += snapshot[ms];
            if (seen >= rank) return ms;
        }

        return Buckets - 1;
    }

    public void Reset() => Array.Clear(counts);
}

namespace Gslts.KiwoomSim.Protocol;

/// <summary>Faults a test switches on through <c>/sim/faults/...</c>: each counter is spent one call at a time.</summary>
public sealed class SimFaults
{
    private int restErrors;
    private int rateLimits;
    private long feedPausedUntil;

    /// <summary>The next <paramref name="count"/> REST calls answer HTTP 500.</summary>
    public void FailRest(int count) => Interlocked.Exchange(ref restErrors, count);

    /// <summary>The next <paramref name="count"/> REST calls answer Kiwoom's 1700 rate-limit error.</summary>
    public void RateLimit(int count) => Interlocked.Exchange(ref rateLimits, count);

    /// <summary>Real-time frames stop until <paramref name="until"/> while trades go on being printed.</summary>
    public void PauseFeed(DateTimeOffset until) => Interlocked.Exchange(ref feedPausedUntil, until.UtcTicks);

    public void Clear()
    {
        Interlocked.Exchange(ref restErrors, 0);
        Interlocked.Exchange(ref rateLimits, 0);
        Interlocked.Exchange(ref feedPausedUntil, 0);
    }

    public bool TakeRestError() => Take(ref restErrors);

    public bool TakeRateLimit() => Take(ref rateLimits);

    public bool IsFeedPaused(DateTimeOffset now) => now.UtcTicks < Interlocked.Read(ref feedPausedUntil);

    private static bool Take(ref int counter)
    {
        while (true)
        {
            var left = Volatile.Read(ref counter);
            if (left <= 0) return false;
            if (Interlocked.CompareExchange(ref counter, left - 1, left) == left) return true;
        }
    }
}

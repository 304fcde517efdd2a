namespace Gslts.KiwoomBridge.Ranking;

/// <summary>What /healthz and operators see of the exchange ranking's refreshes.</summary>
public sealed class ExchangeRankingStatus
{
    private readonly Lock gate = new();

    public bool Enabled { get; private set; }

    /// <summary>When the refresher started (this host's clock): the age of a ranking never taken counts from it.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the last refresh reached the ranking grain (this host's clock); null before the first.</summary>
    public DateTimeOffset? TakenAt { get; private set; }

    /// <summary>Market time of the last ranking taken.</summary>
    public DateTimeOffset? AsOf { get; private set; }

    public int Rows { get; private set; }

    /// <summary>Refreshes that failed since the last one that worked.</summary>
    public int Failures { get; private set; }

    public long TotalFailures { get; private set; }

    /// <summary>Why the last refresh failed; null once one has worked since.</summary>
    public string? LastError { get; private set; }

    /// <summary>Set while a refresh waits for something (the feed's first trade) rather than failing.</summary>
    public string? Waiting { get; private set; }

    /// <summary>How old the ranking is at <paramref name="now"/>: since it was taken, or since the start when it never was.</summary>
    public TimeSpan? Age(DateTimeOffset now) => (TakenAt ?? StartedAt) is { } since ? now - since : null;

    public void Started(DateTimeOffset now)
    {
        lock (gate) (Enabled, StartedAt) = (true, now);
    }

    public void Wait(string reason)
    {
        lock (gate) Waiting = reason;
    }

    /// <summary>A refresh begins: whatever it waited for is there.</summary>
    public void Refreshing()
    {
        lock (gate) Waiting = null;
    }

    public void Taken(DateTimeOffset now, DateTimeOffset asOf, int rows)
    {
        lock (gate) (TakenAt, AsOf, Rows, Failures, LastError, Waiting) = (now, asOf, rows, 0, null, null);
    }

    public void Failed(string reason)
    {
        lock (gate)
        {
            (Failures, LastError, Waiting) = (Failures + 1, reason, null);
            TotalFailures++;
        }
    }
}

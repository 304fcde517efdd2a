using System.Collections.Concurrent;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>What the health check and operators see of the real-time feed, over all its connections.</summary>
public sealed class FeedStatus
{
    private readonly ConcurrentDictionary<int, bool> loggedIn = new();
    private long ticksReceived;
    private long rejected;
    private long reconnects;
    private long ignored;
    private long lastTradeUtcTicks;

    /// <summary>Connections the current plan opens.</summary>
    public int Connections { get; private set; }

    /// <summary>Codes registered over all connections.</summary>
    public int LiveCodes { get; private set; }

    /// <summary>Codes to collect that no connection can hold (more app keys needed).</summary>
    public int Uncovered { get; private set; }

    /// <summary>Every connection of the plan is logged in.</summary>
    public bool IsLoggedIn => Connections > 0 && loggedIn.Count(p => p.Value) == Connections;

    public bool GaveUp { get; private set; }
    public DateTimeOffset? LastMessageAt { get; private set; }
    public string? LastError { get; private set; }
    public long TicksReceived => Interlocked.Read(ref ticksReceived);
    public long Rejected => Interlocked.Read(ref rejected);
    public long Reconnects => Interlocked.Read(ref reconnects);

    /// <summary>Real-time items of types the product does not use yet (1h, ...): counted, not logged.</summary>
    public long Ignored => Interlocked.Read(ref ignored);

    /// <summary>
    /// The market's time as the feed knows it: the exchange time of the latest trade received on any connection (KST), or
    /// null before the first. Market time comes from the feed, never from this host's clock.
    /// </summary>
    public DateTimeOffset? MarketTime => Interlocked.Read(ref lastTradeUtcTicks) is > 0 and var ticks
        ? new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(9))
        : null;

    /// <summary>The market's session as the last 0s told it, or null before the first.</summary>
    public MarketSession? MarketSession { get; private set; }

    /// <summary>A new plan: its connections start logged out.</summary>
    public void Planned(FeedPlan plan)
    {
        loggedIn.Clear();
        (Connections, LiveCodes, Uncovered, GaveUp) = (plan.Connections.Count, plan.LiveCodes, plan.Uncovered.Count, false);
    }

    public void LoggedIn(int connection)
    {
        loggedIn[connection] = true;
        if (IsLoggedIn) LastError = null;
    }

    public void Disconnected(int connection, string reason)
    {
        loggedIn[connection] = false;
        LastError = Connections > 1 ? $"connection {connection}: {reason}" : reason;
        Interlocked.Increment(ref reconnects);
    }

    /// <summary>Another session took a connection's app key over: that connection stops instead of fighting it.</summary>
    public void Stopped(int connection, string reason)
    {
        loggedIn[connection] = false;
        (GaveUp, LastError) = (true, Connections > 1 ? $"connection {connection}: {reason}" : reason);
    }

    public void Message(DateTimeOffset at) => LastMessageAt = at;

    /// <summary>A trade received, printed at <paramref name="at"/> (exchange time).</summary>
    public void Tick(DateTimeOffset at)
    {
        Interlocked.Increment(ref ticksReceived);
        var ticks = at.UtcTicks;
        for (var seen = Interlocked.Read(ref lastTradeUtcTicks); ticks > seen; seen = Interlocked.Read(ref lastTradeUtcTicks))
        {
            if (Interlocked.CompareExchange(ref lastTradeUtcTicks, ticks, seen) == seen) return;
        }
    }

    public void Reject() => Interlocked.Increment(ref rejected);

    public void Ignore() => Interlocked.Increment(ref ignored);

    /// <summary>Raised on the reading thread for every 0s (the session reporter hands it to the grains).</summary>
    public event Action<MarketSession>? SessionChanged;

    public void Session(MarketSession session)
    {
        MarketSession = session;
        SessionChanged?.Invoke(session);
    }
}

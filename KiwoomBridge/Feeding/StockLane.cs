using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>A trade in a lane, with the feeder clock's timestamp (<see cref="TimeProvider.GetTimestamp"/>) at which its frame began to arrive.</summary>
public readonly record struct LaneTick(Tick Tick, long ArrivedAt)
{
    public long Start => Tick.CumulativeVolume - Math.Abs(Tick.Quantity);
}

/// <summary>
/// One stock's trades between the socket and its grain, keyed by the exchange's cumulative day volume: trades waiting
/// to go, the journal (applied by the grain, not yet stored by it), and the gap when the volumes do not join up.
/// Plain state, changed only by the feeder's loop.
/// </summary>
public sealed class StockLane(string code)
{
    // Sorted by cumulative volume; trades nearly always arrive in order, so adding is an append.
    private readonly List<LaneTick> ticks = [];

    public string Code => code;

    public DateOnly Date { get; private set; }

    /// <summary>The grain's watermark for <see cref="Date"/>; -1 until the grain has answered.</summary>
    public long Applied { get; private set; } = -1;

    /// <summary>What the grain has stored; the lane keeps every trade above it.</summary>
    public long Persisted { get; private set; }

    /// <summary>When the grain's last applied trade printed (from its receipt).</summary>
    public DateTimeOffset? AppliedTime { get; private set; }

    /// <summary>The highest cumulative volume known to have traded: from a trade, or the exchange's day volume.</summary>
    public long KnownEnd { get; private set; }

    /// <summary>Trades held: waiting ones and the journal.</summary>
    public int Count => ticks.Count;

    /// <summary>Trades the grain applied but has not stored yet.</summary>
    public int Journaled => FirstAbove(Applied);

    /// <summary>Adds a trade; false when it is a duplicate or of an earlier day.</summary>
    public bool Add(Tick tick, long arrivedAt)
    {
        var date = DateOf(tick);
        if (date < Date) return false;
        if (date > Date) StartDay(date);
        if (tick.CumulativeVolume <= Persisted) return false;
        var at = FirstAbove(tick.CumulativeVolume - 1);
        if (at < ticks.Count && ticks[at].Tick.CumulativeVolume == tick.CumulativeVolume) return false;
        ticks.Insert(at, new LaneTick(tick, arrivedAt));
        KnownEnd = Math.Max(KnownEnd, tick.CumulativeVolume);
        return true;
    }

    /// <summary>The exchange says <paramref name="volume"/> had traded by now (ka10001), so anything short of it is a gap.</summary>
    public void Expect(DateOnly date, long volume)
    {
        if (date < Date) return;
        if (date > Date) StartDay(date);
        KnownEnd = Math.Max(KnownEnd, volume);
    }

    /// <summary>The trades to send next: those above the grain's watermark that join on to it (all while it is unknown).</summary>
    public Tick[] NextBatch(int max)
    {
        var first = FirstAbove(Applied);
        var end = first;
        for (var expected = Applied; end < ticks.Count && end - first < max; end++)
        {
            if (expected >= 0 && ticks[end].Start != expected) break;
            expected = ticks[end].Tick.CumulativeVolume;
        }

        if (end == first) return [];
        var batch = new Tick[end - first];
        for (var i = 0; i < batch.Length; i++) batch[i] = ticks[first + i].Tick;
        return batch;
    }

    /// <summary>The trades held above the grain's watermark that join each other, whether or not they join it.</summary>
    public Tick[] Run(int max)
    {
        var run = new List<Tick>();
        for (var i = FirstAbove(Applied); i < ticks.Count && run.Count < max; i++)
        {
            if (run.Count > 0 && ticks[i].Start != run[^1].CumulativeVolume) break;
            run.Add(ticks[i].Tick);
        }

        return [.. run];
    }

    /// <summary>The volumes missing between the grain's watermark and the next trade held (or the known end).</summary>
    public (long From, long To)? Gap
    {
        get
        {
            if (Applied < 0) return null;
            var i = FirstAbove(Applied);
            var to = i < ticks.Count ? ticks[i].Start : KnownEnd;
            return to > Applied ? (Applied, to) : null;
        }
    }

    /// <summary>Takes the grain's answer: reports each trade it newly applied, and drops the trades it has stored.</summary>
    public void Receive(FeedReceipt receipt, Action<LaneTick> applied)
    {
        if (receipt.Date > Date) StartDay(receipt.Date);
        var (nowApplied, nowPersisted) = receipt.Date < Date ? (0L, 0L) : (receipt.Applied, receipt.Persisted);
        for (var i = FirstAbove(Applied); i < ticks.Count && ticks[i].Tick.CumulativeVolume <= nowApplied; i++) applied(ticks[i]);
        Applied = nowApplied;
        Persisted = nowPersisted;
        AppliedTime = receipt.Date < Date ? null : receipt.LastTradeTime;
        KnownEnd = Math.Max(KnownEnd, Applied);
        ticks.RemoveRange(0, FirstAbove(Persisted));
    }

    public static DateOnly DateOf(Tick tick) => DateOnly.FromDateTime(tick.Time.ToOffset(TimeSpan.FromHours(9)).DateTime);

    private void StartDay(DateOnly date)
    {
        Date = date;
        ticks.Clear();
        Applied = -1;
        Persisted = 0;
        KnownEnd = 0;
        AppliedTime = null;
    }

    /// <summary>Index of the first trade whose cumulative volume is above <paramref name="volume"/>.</summary>
    private int FirstAbove(long volume)
    {
        int low = 0, high = ticks.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (ticks[mid].Tick.CumulativeVolume <= volume) low = mid + 1;
            else high = mid;
        }

        return low;
    }
}

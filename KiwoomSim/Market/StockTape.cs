namespace Gslts.KiwoomSim.Market;

/// <summary>A printed trade kept for the tick and minute charts: 16 bytes, so a whole day of a busy market fits.</summary>
public readonly record struct TapeTick(int Seconds, int Price, long SignedQuantity)
{
    public TimeOnly Time => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(Seconds));
}

/// <summary>A minute bar built from the day's trades.</summary>
public readonly record struct MinuteBar(TimeOnly Start, long Open, long High, long Low, long Close, long Volume);

/// <summary>Today's trades of one stock, oldest first, up to a cap that keeps the newest.</summary>
public sealed class StockTape(int capacity = 200_000)
{
    private readonly List<TapeTick> ticks = [];
    private int dropped;

    public int Count => ticks.Count;

    public void Add(SimTrade trade)
    {
        if (ticks.Count == capacity)
        {
            // Keep the newest: drop the oldest tenth at once rather than shifting on every trade.
            ticks.RemoveRange(0, capacity / 10);
            dropped += capacity / 10;
        }

        ticks.Add(new TapeTick(trade.Time.Hour * 3600 + trade.Time.Minute * 60 + trade.Time.Second, (int)trade.Price, trade.Quantity));
    }

    /// <summary>Number of trades printed today, dropped ones included: the next trade's position on the tape.</summary>
    public long End => dropped + ticks.Count;

    /// <summary>
    /// Up to <paramref name="count"/> ticks before tape position <paramref name="before"/>, newest first, so paging stays
    /// put while new trades arrive.
    /// </summary>
    public List<TapeTick> Before(long before, int count)
    {
        var result = new List<TapeTick>();
        for (var i = (int)Math.Min(before - dropped, ticks.Count) - 1; i >= 0 && result.Count < count; i--) result.Add(ticks[i]);
        return result;
    }

    /// <summary>Bars of <paramref name="minutes"/> minutes over today's trades, newest first.</summary>
    public List<MinuteBar> Minutes(int minutes)
    {
        var bars = new List<MinuteBar>();
        foreach (var tick in ticks)
        {
            var start = tick.Seconds / 60 / minutes * minutes;
            var bucket = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start));
            var quantity = Math.Abs(tick.SignedQuantity);
            if (bars.Count > 0 && bars[^1].Start == bucket)
            {
                var bar = bars[^1];
                bars[^1] = bar with { High = Math.Max(bar.High, tick.Price), Low = Math.Min(bar.Low, tick.Price), Close = tick.Price, Volume = bar.Volume + quantity };
            }
            else
            {
                bars.Add(new MinuteBar(bucket, tick.Price, tick.Price, tick.Price, tick.Price, quantity));
            }
        }

        bars.Reverse();
        return bars;
    }

    /// <summary>Trades that no longer fit and were dropped (the oldest of a very busy day).</summary>
    public int Dropped => dropped;
}

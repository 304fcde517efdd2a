using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Stocks;

/// <summary>Folds trades into a stock's day summary. Pure: no Orleans, no I/O.</summary>
public static class StockDay
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>
    /// Applies trades in the exchange's order, identified by their cumulative day volume: a trade already covered is
    /// skipped, a trade after a gap stops the batch (the feed fills the gap first), a trade of a later KST date starts a
    /// new day, one of an earlier date is stale. Returns the same instance when nothing changed.
    /// </summary>
    public static StockDayState Apply(StockDayState day, ReadOnlySpan<Tick> ticks)
    {
        var next = day;
        foreach (var tick in ticks)
        {
            var quantity = Math.Abs(tick.Quantity);
            var date = KstDate(tick.Time);
            if (tick.Price <= 0 || quantity == 0 || date < next.TradingDate) continue;
            if (date > next.TradingDate) next = NewDay(next, date);
            if (tick.CumulativeVolume <= next.Volume) continue;
            if (tick.CumulativeVolume - quantity != next.Volume) break;
            next = Trade(next, tick, quantity);
        }

        return next;
    }

    /// <summary>Moves the watermark over trades that cannot be recovered, counting them as missed.</summary>
    public static StockDayState Skip(StockDayState day, DateOnly date, long throughVolume)
    {
        if (date < day.TradingDate) return day;
        var next = date > day.TradingDate ? NewDay(day, date) : day;
        return throughVolume <= next.Volume
            ? next
            : next with { MissedVolume = next.MissedVolume + throughVolume - next.Volume, Volume = throughVolume };
    }

    public static StockSnapshot ToSnapshot(string code, StockDayState day)
    {
        var change = day.BasePrice > 0 ? day.Price - day.BasePrice : 0;
        var rate = day.BasePrice > 0 ? Math.Round(change * 100m / day.BasePrice, 2, MidpointRounding.AwayFromZero) : 0m;
        return new StockSnapshot(
            code, day.TradingDate, day.Price, day.BasePrice, change, rate,
            day.Open, day.High, day.Low, day.Volume, day.TradingValue,
            day.TickCount, day.LastSequence, day.LastTradeTime, day.Listing?.Name, day.Listing?.Sector);
    }

    public static DateOnly KstDate(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Kst).DateTime);

    private static StockDayState NewDay(StockDayState previous, DateOnly date) => new() { Listing = previous.Listing, TradingDate = date };

    private static StockDayState Trade(StockDayState day, Tick tick, long quantity)
    {
        var first = day.TickCount == 0;
        return day with
        {
            Price = tick.Price,
            BasePrice = tick.BasePrice > 0 ? tick.BasePrice : day.BasePrice,
            Open = first ? (tick.DayOpen > 0 ? tick.DayOpen : tick.Price) : day.Open,
            // The exchange's own day range covers trades a skipped gap left out.
            High = Math.Max(first ? tick.Price : Math.Max(day.High, tick.Price), tick.DayHigh),
            Low = Math.Min(first ? tick.Price : Math.Min(day.Low, tick.Price), tick.DayLow > 0 ? tick.DayLow : long.MaxValue),
            Volume = tick.CumulativeVolume,
            TradingValue = day.TradingValue + tick.Price * quantity,
            TickCount = day.TickCount + 1,
            LastSequence = tick.Sequence,
            LastTradeTime = tick.Time,
        };
    }
}

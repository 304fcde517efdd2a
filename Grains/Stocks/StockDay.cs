using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Stocks;

/// <summary>Folds trades into a stock's day summary. Pure: no Orleans, no I/O.</summary>
public static class StockDay
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>
    /// Applies trades in order. A trade at or below the last applied sequence is a replay and is skipped;
    /// a trade of a later KST date starts a new day; a trade of an earlier date is stale and skipped.
    /// Returns the same instance when nothing was applied.
    /// </summary>
    public static StockDayState Apply(StockDayState day, ReadOnlySpan<Tick> ticks)
    {
        var next = day;
        var changed = false;
        foreach (var tick in ticks)
        {
            if (tick.Sequence <= next.LastSequence || tick.Price <= 0)
            {
                continue;
            }

            var date = DateOnly.FromDateTime(tick.Time.ToOffset(Kst).DateTime);
            if (date < next.TradingDate)
            {
                continue;
            }

            if (date > next.TradingDate)
            {
                next = NewDay(next, date, tick);
            }

            next = Trade(next, tick);
            changed = true;
        }

        return changed ? next : day;
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

    private static StockDayState NewDay(StockDayState previous, DateOnly date, Tick tick) => new()
    {
        Listing = previous.Listing,
        TradingDate = date,
        Open = tick.DayOpen > 0 ? tick.DayOpen : tick.Price,
        High = tick.Price,
        Low = tick.Price,
    };

    private static StockDayState Trade(StockDayState day, Tick tick)
    {
        var quantity = Math.Abs(tick.Quantity);
        return day with
        {
            Price = tick.Price,
            BasePrice = tick.BasePrice > 0 ? tick.BasePrice : day.BasePrice,
            // The exchange's own day range covers trades printed before this grain saw the stock.
            High = Math.Max(Math.Max(day.High, tick.Price), tick.DayHigh),
            Low = Math.Min(Math.Min(day.Low, tick.Price), tick.DayLow > 0 ? tick.DayLow : long.MaxValue),
            // Volume, value and count are what this grain saw, so they always agree; gaps are backfilled upstream.
            Volume = day.Volume + quantity,
            TradingValue = day.TradingValue + tick.Price * quantity,
            TickCount = day.TickCount + 1,
            LastSequence = tick.Sequence,
            LastTradeTime = tick.Time,
        };
    }
}

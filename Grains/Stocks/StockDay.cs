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
        var fold = new Fold(next);
        foreach (var tick in ticks)
        {
            var quantity = Math.Abs(tick.Quantity);
            var date = KstDate(tick.Time);
            if (tick.Price <= 0 || quantity == 0 || date < next.TradingDate) continue;
            if (date > next.TradingDate)
            {
                next = NewDay(next, date);
                fold = new Fold(next);
            }

            if (tick.CumulativeVolume <= fold.Volume) continue;
            if (tick.CumulativeVolume - quantity != fold.Volume) break;
            fold.Add(tick, quantity);
        }

        return fold.Into(next);
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

    public static StockSnapshot ToSnapshot(string code, StockDayState day, Candle? minute = null, TradePrint[]? trades = null)
    {
        var change = day.BasePrice > 0 ? day.Price - day.BasePrice : 0;
        var rate = day.BasePrice > 0 ? Math.Round(change * 100m / day.BasePrice, 2, MidpointRounding.AwayFromZero) : 0m;
        return new StockSnapshot(
            code, day.TradingDate, day.Price, day.BasePrice, change, rate,
            day.Open, day.High, day.Low, day.Volume, day.TradingValue,
            day.TickCount, day.LastSequence, day.LastTradeTime, day.Listing?.Name, day.Listing?.Sector,
            Strength(day), Vwap(day), day.TickCount > 0 ? QuarterLines.From(day.High, day.Low, day.Open) : null,
            minute, trades, day.Listing?.Market);
    }

    /// <summary>체결강도: buy volume over sell volume × 100, two decimals; null while nothing was sold (it has no value then).</summary>
    public static decimal? Strength(StockDayState day) =>
        day.SellVolume > 0 ? Math.Round(day.BuyVolume * 100m / day.SellVolume, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>The day's volume-weighted average price over the trades seen (skipped volume has no price).</summary>
    public static decimal? Vwap(StockDayState day)
    {
        var seen = day.Volume - day.MissedVolume;
        return seen > 0 && day.TradingValue > 0 ? Math.Round((decimal)day.TradingValue / seen, 2, MidpointRounding.AwayFromZero) : null;
    }

    public static DateOnly KstDate(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Kst).DateTime);

    private static StockDayState NewDay(StockDayState previous, DateOnly date) => new() { Listing = previous.Listing, TradingDate = date };

    /// <summary>A batch's trades folded into one new state (not one record per trade).</summary>
    private struct Fold(StockDayState day)
    {
        private readonly long startCount = day.TickCount;
        private long price = day.Price, basePrice = day.BasePrice, open = day.Open, high = day.High, low = day.Low;
        private long value = day.TradingValue, count = day.TickCount, sequence = day.LastSequence, bought = day.BuyVolume, sold = day.SellVolume;
        private DateTimeOffset? last = day.LastTradeTime;

        public long Volume { get; private set; } = day.Volume;

        public void Add(Tick tick, long quantity)
        {
            var first = count == 0;
            price = tick.Price;
            basePrice = tick.BasePrice > 0 ? tick.BasePrice : basePrice;
            open = first ? (tick.DayOpen > 0 ? tick.DayOpen : tick.Price) : open;
            // The exchange's own day range covers trades a skipped gap left out.
            high = Math.Max(first ? tick.Price : Math.Max(high, tick.Price), tick.DayHigh);
            low = Math.Min(first ? tick.Price : Math.Min(low, tick.Price), tick.DayLow > 0 ? tick.DayLow : long.MaxValue);
            Volume = tick.CumulativeVolume;
            value += tick.Price * quantity;
            if (tick.Quantity > 0) bought += quantity;
            else sold += quantity;
            count++;
            sequence = tick.Sequence;
            last = tick.Time;
        }

        public readonly StockDayState Into(StockDayState day) => count == startCount
            ? day
            : day with
            {
                Price = price, BasePrice = basePrice, Open = open, High = high, Low = low, Volume = Volume,
                TradingValue = value, TickCount = count, LastSequence = sequence, LastTradeTime = last,
                BuyVolume = bought, SellVolume = sold,
            };
    }
}


namespace Gslts.KiwoomSim.Market;

/// <summary>One day of a stock: prices in won on valid ticks, volume in shares, value in won.</summary>
public sealed record DailyBar(DateOnly Date, long Open, long High, long Low, long Close, long Volume, long TradingValue);

/// <summary>
/// A year of history before the sim's trading day, ending at the listing's previous close, so charts and backtests
/// have something real to read. Each past day's return carries that day's US tilt of the stock's sector, so the
/// morning strategy can be backtested on the sim's history. Deterministic from the seed.
/// </summary>
public static class DailyHistory
{
    public const int TradingDays = 250;

    public static IReadOnlyList<DailyBar> For(Listing listing, DateOnly tradingDate, int seed)
    {
        var random = new Random(Seeds.Mix(seed, Seeds.Of(listing.Code)));
        var dates = new List<DateOnly>(TradingDays);
        for (var day = tradingDate.AddDays(-1); dates.Count < TradingDays; day = day.AddDays(-1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) dates.Add(day);
        }

        dates.Reverse();
        var returns = dates.Select(d => new UsSectorDay(seed, d).KoreanTilt(listing.Sector) + Normal(random) * 0.018).ToArray();
        // Walk back from the known previous close so the last bar ends exactly there.
        var closes = new double[TradingDays];
        closes[^1] = listing.PreviousClose;
        for (var i = TradingDays - 1; i > 0; i--) closes[i - 1] = closes[i] / Math.Exp(returns[i]);

        var averageVolume = AverageVolume(listing);
        var bars = new List<DailyBar>(TradingDays);
        for (var i = 0; i < TradingDays; i++)
        {
            var close = i == TradingDays - 1 ? listing.PreviousClose : TickSize.RoundDown((long)closes[i]);
            var open = TickSize.RoundDown((long)((i == 0 ? closes[0] : closes[i - 1]) * Math.Exp(Normal(random) * 0.006)));
            var high = TickSize.RoundUp((long)(Math.Max(open, close) * Math.Exp(Math.Abs(Normal(random)) * 0.008)));
            var low = TickSize.RoundDown((long)(Math.Min(open, close) * Math.Exp(-Math.Abs(Normal(random)) * 0.008)));
            var volume = (long)(averageVolume * Math.Exp(Normal(random) * 0.4));
            var value = volume * ((open + close) / 2);
            // The last day is yesterday: its volume is the one the real-time feed compares today's with.
            if (i == TradingDays - 1) (volume, value) = PreviousDay(listing, seed);
            bars.Add(new DailyBar(dates[i], open, high, low, close, volume, value));
        }

        return bars;
    }

    /// <summary>Yesterday's volume and 거래대금 of a listing, without drawing its whole year.</summary>
    public static (long Volume, long TradingValue) PreviousDay(Listing listing, int seed)
    {
        var random = new Random(Seeds.Mix(seed, Seeds.Of(listing.Code), 1));
        var volume = (long)(AverageVolume(listing) * Math.Exp(Normal(random) * 0.4));
        return (volume, volume * listing.PreviousClose);
    }

    private static double AverageVolume(Listing listing) => Math.Max(1_000, listing.Liquidity * 2e11 / listing.PreviousClose);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

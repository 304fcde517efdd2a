using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Tests.Stocks;

/// <summary>Builds one stock's trades for tests, in print order: the base price is fixed, the day volume accumulates.</summary>
internal sealed class Trades(string code, long basePrice, DateOnly date)
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private long sequence;

    /// <summary>The day's volume through the last trade built.</summary>
    public long Volume { get; private set; }

    public Tick At(string hhmmss, long price, long quantity)
    {
        Volume += Math.Abs(quantity);
        var time = TimeOnly.ParseExact(hhmmss, "HHmmss");
        return new Tick(code, ++sequence, new DateTimeOffset(date.ToDateTime(time), Kst), price, quantity,
            price - basePrice, DayOpen: 0, DayHigh: 0, DayLow: 0, CumulativeVolume: Volume);
    }

    /// <summary>Trades printed that the feed never saw: the day's volume moves on without them.</summary>
    public void Missed(long quantity) => Volume += quantity;
}

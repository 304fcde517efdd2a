using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Stocks;

/// <summary>
/// A day's one-minute candles built from its trades, in minute order. Trades nearly always arrive in time order, so
/// adding is an update of the last candle or an append; a late trade updates its own minute. Plain state, no I/O.
/// </summary>
public sealed class MinuteCandles
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    // A KRX day (08:30 auction to the 15:30 close) has 420 minutes: sized once, never doubled past it.
    private const int DayMinutes = 420;
    private readonly List<Candle> candles = [];

    public DateOnly Date { get; private set; }

    /// <summary>The day's cumulative volume through the last trade taken (trades at or below it are already in).</summary>
    public long ThroughVolume { get; private set; }

    public IReadOnlyList<Candle> All => candles;

    public Candle? Last => candles.Count == 0 ? null : candles[^1];

    /// <summary>Takes one applied trade of <paramref name="date"/>; a trade of a later date starts a new day.</summary>
    public void Add(DateOnly date, Tick tick)
    {
        if (date < Date) return;
        if (date > Date) Reset(date);
        if (tick.CumulativeVolume <= ThroughVolume) return;
        ThroughVolume = tick.CumulativeVolume;
        var quantity = Math.Abs(tick.Quantity);
        var start = MinuteOf(tick.Time);
        var at = candles.Count - 1;
        while (at >= 0 && candles[at].Start > start) at--;
        if (at >= 0 && candles[at].Start == start)
        {
            var c = candles[at];
            candles[at] = c with
            {
                High = Math.Max(c.High, tick.Price), Low = Math.Min(c.Low, tick.Price),
                // A late trade does not move the close of a minute that has later trades in it already.
                Close = at == candles.Count - 1 ? tick.Price : c.Close,
                Volume = c.Volume + quantity, TradingValue = c.TradingValue + tick.Price * quantity,
            };
            return;
        }

        if (candles.Count == 0) candles.Capacity = DayMinutes;
        candles.Insert(at + 1, new Candle(start, tick.Price, tick.Price, tick.Price, tick.Price, quantity, tick.Price * quantity));
    }

    /// <summary>Candles restored from storage (a re-activated grain), with the volume they cover.</summary>
    public void Restore(DateOnly date, IEnumerable<Candle> stored, long throughVolume)
    {
        Reset(date);
        candles.Capacity = DayMinutes;
        candles.AddRange(stored);
        ThroughVolume = throughVolume;
    }

    /// <summary>Candles that ended before <paramref name="now"/>'s minute (they will not change but for late trades).</summary>
    public int ClosedBefore(DateTimeOffset now)
    {
        var minute = MinuteOf(now);
        var count = candles.Count;
        while (count > 0 && candles[count - 1].Start >= minute) count--;
        return count;
    }

    public static DateTimeOffset MinuteOf(DateTimeOffset time)
    {
        var kst = time.ToOffset(Kst);
        return new DateTimeOffset(kst.Year, kst.Month, kst.Day, kst.Hour, kst.Minute, 0, Kst);
    }

    private void Reset(DateOnly date)
    {
        Date = date;
        candles.Clear();
        candles.Capacity = 0;
        ThroughVolume = 0;
    }
}

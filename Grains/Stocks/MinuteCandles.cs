using System.Runtime.InteropServices;
using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Stocks;

/// <summary>
/// A day's one-minute candles built from its trades, in minute order. Trades nearly always arrive in time order, so
/// adding is an update of the last candle or an append; a late trade updates its own minute. Keeps track of which
/// candles storage has as they are, so a write carries only the minutes that changed. Plain state, no I/O.
/// </summary>
public sealed class MinuteCandles
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    // A KRX day (08:30 auction to the 15:30 close) has 420 minutes: sized once, never doubled past it.
    private const int DayMinutes = 420;
    private readonly List<Candle> candles = [];
    // Candles before this index are stored as they are now.
    private int stored;
    // How far the last Unstored() went, and the first index changed since (int.MaxValue: none).
    private int taken;
    private int changedSinceTaken = int.MaxValue;

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
            Changed(at);
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
        Changed(at + 1);
        candles.Insert(at + 1, new Candle(start, tick.Price, tick.Price, tick.Price, tick.Price, quantity, tick.Price * quantity));
    }

    /// <summary>Candles restored from storage (a re-activated grain), with the volume they cover.</summary>
    public void Restore(DateOnly date, IEnumerable<Candle> stored, long throughVolume)
    {
        Reset(date);
        candles.Capacity = DayMinutes;
        candles.AddRange(stored);
        ThroughVolume = throughVolume;
        this.stored = candles.Count;
    }

    /// <summary>
    /// The candles storage does not have as they are now (in minute order; usually the one still forming). Once they
    /// are stored, <see cref="MarkStored"/> says so; until then (or when the write failed) they are given again.
    /// </summary>
    public Candle[] Unstored()
    {
        (taken, changedSinceTaken) = (candles.Count, int.MaxValue);
        return candles.Count == stored ? [] : CollectionsMarshal.AsSpan(candles)[stored..].ToArray();
    }

    /// <summary>The candles the last <see cref="Unstored"/> gave are stored, but for those that changed since.</summary>
    public void MarkStored() => stored = Math.Max(stored, Math.Min(taken, changedSinceTaken));

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
        // A write of the day before, still under way, must not mark the new day's candles as stored.
        (stored, taken, changedSinceTaken) = (0, 0, 0);
    }

    private void Changed(int index) => (stored, changedSinceTaken) = (Math.Min(stored, index), Math.Min(changedSinceTaken, index));
}

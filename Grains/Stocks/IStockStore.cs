using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Stocks;

/// <summary>
/// Where stock grains keep their day: its summary, its listing and its minute candles. One per silo: the silo's writer
/// takes the changes of all its stock grains and stores them together (one transaction for many stocks).
/// </summary>
public interface IStockStore
{
    /// <summary>The stock's stored day with that day's minute candles in minute order; an empty day when nothing is stored.</summary>
    Task<StoredStockDay> ReadAsync(string code, CancellationToken cancellationToken);

    /// <summary>Completes once <paramref name="write"/> is durably stored; fails when it could not be (nothing of it is then).</summary>
    Task WriteAsync(StockDayWrite write, CancellationToken cancellationToken);
}

/// <summary>A stock's day as stored: the summary covers exactly the trades the candles were built from.</summary>
public sealed record StoredStockDay(StockDayState Day, IReadOnlyList<Candle> Candles)
{
    public static readonly StoredStockDay Empty = new(new StockDayState(), []);
}

/// <summary>
/// What changed in a stock's day since its last stored write, taken at one moment: the summary as it is, the minute
/// candles of <see cref="StockDayState.TradingDate"/> that changed (new, still forming, or moved by a late trade).
/// </summary>
/// <param name="ListingChanged">The day's listing differs from the one stored.</param>
/// <param name="DayStarted">The day is a later trading date than the one stored: the older day's candles go.</param>
public sealed record StockDayWrite(string Code, StockDayState Day, Candle[] Candles, bool ListingChanged, bool DayStarted);

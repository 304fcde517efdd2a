namespace Gslts.Grains.Interfaces.Stocks;

/// <summary>The live state of one stock for the trading day, as the stock grain publishes it.</summary>
/// <param name="ChangeRate">Change vs the base price in percent, two decimals (e.g. 1.25 = +1.25%).</param>
/// <param name="TradingValue">거래대금 in won: the sum of price × quantity of every trade seen today.</param>
/// <param name="Strength">체결강도: buy volume / sell volume × 100 (null while nothing was sold).</param>
/// <param name="Vwap">Volume-weighted average price of the day's trades.</param>
/// <param name="Quarters">The day's quarter lines (null before the first trade).</param>
/// <param name="Minute">The current one-minute candle.</param>
/// <param name="Trades">Trades since the previous published snapshot (newest last, at most a few dozen); null outside a stream.</param>
[GenerateSerializer, Immutable]
public sealed record StockSnapshot(
    [property: Id(0)] string Code,
    [property: Id(1)] DateOnly TradingDate,
    [property: Id(2)] long Price,
    [property: Id(3)] long BasePrice,
    [property: Id(4)] long Change,
    [property: Id(5)] decimal ChangeRate,
    [property: Id(6)] long Open,
    [property: Id(7)] long High,
    [property: Id(8)] long Low,
    [property: Id(9)] long Volume,
    [property: Id(10)] long TradingValue,
    [property: Id(11)] long TickCount,
    [property: Id(12)] long LastSequence,
    [property: Id(13)] DateTimeOffset? LastTradeTime,
    [property: Id(14)] string? Name = null,
    [property: Id(15)] string? Sector = null,
    [property: Id(16)] decimal? Strength = null,
    [property: Id(17)] decimal? Vwap = null,
    [property: Id(18)] QuarterLines? Quarters = null,
    [property: Id(19)] Candle? Minute = null,
    [property: Id(20)] TradePrint[]? Trades = null,
    [property: Id(21)] string? Market = null)
{
    public static StockSnapshot Empty(string code) =>
        new(code, default, 0, 0, 0, 0m, 0, 0, 0, 0, 0, 0, 0, null);
}

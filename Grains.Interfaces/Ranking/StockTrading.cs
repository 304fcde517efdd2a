namespace Gslts.Grains.Interfaces.Ranking;

/// <summary>What a stock grain reports to the ranking (at most once a second, when it changed).</summary>
/// <param name="TradingValue">The day's 거래대금 in won.</param>
/// <param name="MarketTime">The exchange time of the stock's last trade (KST): market time comes from the feed.</param>
[GenerateSerializer, Immutable]
public sealed record StockTrading(
    [property: Id(0)] string Code,
    [property: Id(1)] DateOnly TradingDate,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Market,
    [property: Id(4)] string? Sector,
    [property: Id(5)] long Price,
    [property: Id(6)] decimal ChangeRate,
    [property: Id(7)] long Volume,
    [property: Id(8)] long TradingValue,
    [property: Id(9)] DateTimeOffset MarketTime);

namespace Gslts.Grains.Interfaces.Ranking;

/// <summary>One row of a ranking: 1-based rank and the stock's figures.</summary>
/// <param name="Live">The figures came from the live feed (the stock is collected); false: from the exchange's own ranking (ka10032).</param>
/// <param name="AsOf">Market time of the figures: the stock's last trade for a live row, the exchange query's time otherwise.</param>
[GenerateSerializer, Immutable]
public sealed record RankedStock(
    [property: Id(0)] int Rank,
    [property: Id(1)] string Code,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Market,
    [property: Id(4)] string? Sector,
    [property: Id(5)] long Price,
    [property: Id(6)] decimal ChangeRate,
    [property: Id(7)] long TradingValue,
    [property: Id(8)] bool Live,
    [property: Id(9)] DateTimeOffset? AsOf);

/// <summary>A top-N list as of <paramref name="AsOf"/> (market time), for a scope: "all", "KOSPI", "KOSDAQ" or a sector name.</summary>
/// <param name="ExchangeAsOf">Market time the exchange-wide order (ka10032) was last taken on this trading day; null if never.</param>
[GenerateSerializer, Immutable]
public sealed record TopList(
    [property: Id(0)] DateOnly TradingDate,
    [property: Id(1)] DateTimeOffset? AsOf,
    [property: Id(2)] string Scope,
    [property: Id(3)] IReadOnlyList<RankedStock> Stocks,
    [property: Id(4)] int StocksTraded,
    [property: Id(5)] DateTimeOffset? ExchangeAsOf);

namespace Gslts.Grains.Interfaces.Ranking;

/// <summary>One row of a ranking: 1-based rank and the stock's figures.</summary>
[GenerateSerializer, Immutable]
public sealed record RankedStock(
    [property: Id(0)] int Rank,
    [property: Id(1)] string Code,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? Market,
    [property: Id(4)] string? Sector,
    [property: Id(5)] long Price,
    [property: Id(6)] decimal ChangeRate,
    [property: Id(7)] long TradingValue);

/// <summary>A top-N list as of <paramref name="AsOf"/> (market time), for a scope: "all", "KOSPI", "KOSDAQ" or a sector name.</summary>
[GenerateSerializer, Immutable]
public sealed record TopList(
    [property: Id(0)] DateOnly TradingDate,
    [property: Id(1)] DateTimeOffset? AsOf,
    [property: Id(2)] string Scope,
    [property: Id(3)] IReadOnlyList<RankedStock> Stocks,
    [property: Id(4)] int StocksTraded);

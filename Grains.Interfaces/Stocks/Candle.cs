namespace Gslts.Grains.Interfaces.Stocks;

/// <summary>One bar of trades: <paramref name="Start"/> is its first minute (KST) for minute candles.</summary>
/// <param name="TradingValue">거래대금 of the bar's trades in won.</param>
[GenerateSerializer, Immutable]
public readonly record struct Candle(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] long Open,
    [property: Id(2)] long High,
    [property: Id(3)] long Low,
    [property: Id(4)] long Close,
    [property: Id(5)] long Volume,
    [property: Id(6)] long TradingValue);

/// <summary>One trade as the page's 체결 list shows it; <paramref name="Quantity"/> is negative when the seller hit the bid.</summary>
[GenerateSerializer, Immutable]
public readonly record struct TradePrint(
    [property: Id(0)] DateTimeOffset Time,
    [property: Id(1)] long Price,
    [property: Id(2)] long Quantity);

/// <summary>One trading day of a stock (the broker's daily chart), prices in won, <paramref name="TradingValue"/> in won.</summary>
[GenerateSerializer, Immutable]
public readonly record struct DailyBar(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] long Open,
    [property: Id(2)] long High,
    [property: Id(3)] long Low,
    [property: Id(4)] long Close,
    [property: Id(5)] long Volume,
    [property: Id(6)] long TradingValue);

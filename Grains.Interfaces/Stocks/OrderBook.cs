namespace Gslts.Grains.Interfaces.Stocks;

/// <summary>One price level: price in won and the quantity resting there.</summary>
[GenerateSerializer, Immutable]
public readonly record struct BookLevel([property: Id(0)] long Price, [property: Id(1)] long Quantity);

/// <summary>
/// A stock's 10-level book (Kiwoom <c>0D</c> 주식호가잔량): asks best (lowest) first, bids best (highest) first.
/// During a call auction the expected single price and volume are set.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OrderBook(
    [property: Id(0)] string Code,
    [property: Id(1)] DateTimeOffset Time,
    [property: Id(2)] BookLevel[] Asks,
    [property: Id(3)] BookLevel[] Bids,
    [property: Id(4)] long TotalAsk,
    [property: Id(5)] long TotalBid,
    [property: Id(6)] long? ExpectedPrice = null,
    [property: Id(7)] long? ExpectedVolume = null);

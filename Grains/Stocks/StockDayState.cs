using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Stocks;

/// <summary>The stored summary of one stock's trading day: enough to resume the day after a restart.</summary>
[GenerateSerializer]
public sealed record StockDayState
{
    [Id(0)] public DateOnly TradingDate { get; init; }
    [Id(1)] public long Price { get; init; }
    [Id(2)] public long BasePrice { get; init; }
    [Id(3)] public long Open { get; init; }
    [Id(4)] public long High { get; init; }
    [Id(5)] public long Low { get; init; }
    /// <summary>The exchange's cumulative volume through the last applied trade: the day's 거래량 and the feed's watermark.</summary>
    [Id(6)] public long Volume { get; init; }
    [Id(7)] public long TradingValue { get; init; }
    [Id(8)] public long TickCount { get; init; }
    [Id(9)] public long LastSequence { get; init; }
    [Id(10)] public DateTimeOffset? LastTradeTime { get; init; }
    [Id(11)] public StockListing? Listing { get; init; }

    /// <summary>Volume of trades that could not be recovered and were skipped (not in the value or the count).</summary>
    [Id(12)] public long MissedVolume { get; init; }

    /// <summary>Shares of trades where the buyer took the offer (체결강도's numerator).</summary>
    [Id(13)] public long BuyVolume { get; init; }

    /// <summary>Shares of trades where the seller hit the bid.</summary>
    [Id(14)] public long SellVolume { get; init; }
}

/// <summary>A stock's daily bars from the broker, oldest first (about a year).</summary>
[GenerateSerializer]
public sealed record StockDailyState
{
    [Id(0)] public DailyBar[] Bars { get; init; } = [];
}

namespace Gslts.KiwoomSim.Market;

/// <summary>What the sim knows of a stock's day before it opens: yesterday's volume and value (전일거래량, 전일거래대금).</summary>
public sealed record DayFacts(Listing Listing, long PreviousVolume, long PreviousTradingValue);

/// <summary>One printed trade with the stock's running day totals after it.</summary>
/// <param name="Quantity">Signed: positive when the buyer took the offer, negative when the seller hit the bid.</param>
/// <param name="TradingValue">Cumulative 거래대금 in won.</param>
/// <param name="BuyTrades">Buyer-initiated trades so far today (매수체결건수); <paramref name="SellTrades"/> likewise.</param>
/// <param name="UpperAt">When the price first touched the upper limit today (상한가발생시간), if it did; <paramref name="LowerAt"/> likewise.</param>
public sealed record SimTrade(
    string Code,
    TimeOnly Time,
    long Price,
    long Quantity,
    long BasePrice,
    long Open,
    long High,
    long Low,
    long Volume,
    long TradingValue,
    long BuyVolume,
    long SellVolume,
    long BestAsk,
    long BestBid,
    long Upper,
    long Lower)
{
    public DayFacts? Facts { get; init; }
    public TimeOnly OpenAt { get; init; }
    public TimeOnly HighAt { get; init; }
    public TimeOnly LowAt { get; init; }
    public TimeOnly? UpperAt { get; init; }
    public TimeOnly? LowerAt { get; init; }
    public long BuyTrades { get; init; }
    public long SellTrades { get; init; }
}

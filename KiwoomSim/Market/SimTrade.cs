namespace Gslts.KiwoomSim.Market;

/// <summary>One printed trade with the stock's running day totals after it.</summary>
/// <param name="Quantity">Signed: positive when the buyer took the offer, negative when the seller hit the bid.</param>
/// <param name="TradingValue">Cumulative 거래대금 in won.</param>
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
    long Lower);

using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.KiwoomBridge.Rest;

/// <summary>
/// ka10004 주식호가 at <paramref name="Time"/> (KST time of day, null when Kiwoom leaves it empty): asks lowest first, bids
/// highest first, empty levels left out; totals are the whole side's quantity as Kiwoom reports it.
/// </summary>
public sealed record BookQuote(string Code, TimeOnly? Time, BookLevel[] Asks, BookLevel[] Bids, long TotalAsk, long TotalBid);

/// <summary>One ka10080 분봉, <paramref name="Time"/> as Kiwoom stamps it (KST); prices unsigned.</summary>
public sealed record MinuteCandle(string Code, DateTimeOffset Time, long Open, long High, long Low, long Close, long Volume);

/// <summary>
/// One ka10081 일봉; <paramref name="TradingValue"/> in won (Kiwoom sends millions), <paramref name="TurnoverRate"/> in percent
/// of listed shares.
/// </summary>
public sealed record DailyCandle(string Code, DateOnly Date, long Open, long High, long Low, long Close, long Volume, long TradingValue,
    decimal TurnoverRate);

/// <summary>
/// One ka10032 거래대금상위 row. <paramref name="Price"/>, <paramref name="BestAsk"/> and <paramref name="BestBid"/> are unsigned;
/// <paramref name="Change"/> (won) and <paramref name="ChangeRate"/> (percent) keep their sign vs the previous close;
/// <paramref name="TradingValue"/> is in won (Kiwoom sends millions, so it is a multiple of 1,000,000).
/// <paramref name="PreviousRank"/> is null when Kiwoom gives none.
/// </summary>
public sealed record RankedStock(int Rank, int? PreviousRank, string Code, string Name, long Price, long Change, decimal ChangeRate,
    long BestAsk, long BestBid, long Volume, long PreviousDayVolume, long TradingValue);

/// <summary>ka10032 <c>mrkt_tp</c>: 000 all, 001 KOSPI, 101 KOSDAQ.</summary>
public enum RankingMarket
{
    All,
    Kospi,
    Kosdaq,
}

/// <summary>ka10032 <c>stex_tp</c>: 1 KRX, 2 NXT, 3 통합.</summary>
public enum RankingVenue
{
    Krx,
    Nxt,
    Combined,
}

namespace Gslts.Grains.Interfaces.Ranking;

/// <summary>
/// The market's 거래대금 ranking (key <see cref="Krx"/>): live top lists market-wide, per market and per sector, and
/// the day's 10-minute snapshots (stored). Fed in batches by the silos' reporters (the stocks collected live), never a
/// call per trade, and by the bridge's refreshes of the exchange's own ranking (the stocks that are not).
/// </summary>
public interface IRankingGrain : IGrainWithStringKey
{
    public const string Krx = "KRX";

    /// <summary>Scope of the whole market.</summary>
    public const string All = "all";

    /// <summary>The latest figures of some stocks (newer ones replace older; an earlier trading date is ignored).</summary>
    Task Report(IReadOnlyList<StockTrading> stocks);

    /// <summary>
    /// The exchange's ranking as the bridge took it (one call per refresh): for each code the newer figures win, and a
    /// stock collected live keeps its live figures unless the exchange has seen more of its day.
    /// </summary>
    Task ReportExchange(ExchangeRanking ranking);

    /// <summary>The live top <paramref name="count"/> (1–100) of <paramref name="scope"/>: <see cref="All"/>, KOSPI, KOSDAQ or a sector name.</summary>
    Task<TopList> Top(string scope, int count);

    /// <summary>The 10-minute snapshots of the market-wide top 50 kept for <paramref name="date"/> (today's or the last stored day).</summary>
    Task<IReadOnlyList<TopList>> Snapshots(DateOnly date);
}

/// <summary>
/// Collects stock grains' reports inside one silo and forwards them to the ranking as one batch every half second, so the
/// ranking takes a few calls a second instead of one per stock.
/// </summary>
public interface IRankingReporterGrain : IGrainWithIntegerKey
{
    Task Report(StockTrading stock);
}

namespace Gslts.KiwoomBridge.Ranking;

/// <summary>
/// Bound from <c>Gslts:Kiwoom:Ranking</c>: how the bridge takes the exchange's market-wide 거래대금 ranking (ka10032, every
/// market, KRX, managed stocks included) for the ranking grain, which ranks the stocks the feed does not collect by it.
/// </summary>
public sealed class ExchangeRankingOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often it is taken (from the start of one refresh to the start of the next).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Rows taken, highest first (pages of ka10032 until this many): a sector or KOSDAQ needs more than the market's top 50.</summary>
    public int Rows { get; set; } = 500;

    /// <summary>
    /// Refreshes yield the query budget to every other query (backfills first); a ranking half this old is taken at the
    /// usual priority instead, so it is never older than this while the broker answers (/healthz says when it is).
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The problems of these settings, each naming its key; empty when usable.</summary>
    public IReadOnlyList<string> Problems(string prefix)
    {
        var problems = new List<string>();
        if (Interval < TimeSpan.FromSeconds(1) || Interval > MaxAge) problems.Add($"{prefix}:Interval must be at least 00:00:01 and at most {prefix}:MaxAge.");
        if (MaxAge > TimeSpan.FromHours(1)) problems.Add($"{prefix}:MaxAge must be at most 01:00:00.");
        if (Rows is < 1 or > 5_000) problems.Add($"{prefix}:Rows must be between 1 and 5000.");
        return problems;
    }
}

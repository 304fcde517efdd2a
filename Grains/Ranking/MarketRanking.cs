using Gslts.Grains.Interfaces.Ranking;

namespace Gslts.Grains.Ranking;

/// <summary>
/// The day's table of every traded stock's latest figures and its 거래대금 rankings. Plain state, no Orleans: the
/// ranking grain feeds it batches and asks it for top lists. <paramref name="sectorsOf"/> names a stock's Korean
/// sectors (the sector map); without it a stock's sector is the broker's.
/// </summary>
public sealed class MarketRanking(Func<string, string?, IReadOnlyList<string>>? sectorsOf = null)
{
    private readonly Dictionary<string, StockTrading> stocks = new(StringComparer.Ordinal);

    public DateOnly TradingDate { get; private set; }

    /// <summary>The newest market time reported (the latest trade's exchange time).</summary>
    public DateTimeOffset? AsOf { get; private set; }

    public int Count => stocks.Count;

    /// <summary>Bumped on every change, so a caller can tell whether a list it made is stale.</summary>
    public long Version { get; private set; }

    public void Take(IEnumerable<StockTrading> reports)
    {
        foreach (var report in reports)
        {
            if (report.TradingDate < TradingDate) continue;
            if (report.TradingDate > TradingDate) StartDay(report.TradingDate);
            // Figures only grow through a day: an older report arriving late is ignored.
            if (stocks.TryGetValue(report.Code, out var known) && known.TradingValue > report.TradingValue) continue;
            stocks[report.Code] = report;
            if (AsOf is null || report.MarketTime > AsOf) AsOf = report.MarketTime;
            Version++;
        }
    }

    /// <summary>The top <paramref name="count"/> by 거래대금 of the scope: "all", a market (KOSPI/KOSDAQ) or a sector name.</summary>
    public TopList Top(string scope, int count)
    {
        var inScope = stocks.Values.Where(InScope(scope)).ToList();
        var top = inScope
            .OrderByDescending(s => s.TradingValue).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Take(count)
            .Select((s, i) => new RankedStock(i + 1, s.Code, s.Name, s.Market, s.Sector, s.Price, s.ChangeRate, s.TradingValue))
            .ToList();
        return new TopList(TradingDate, AsOf, scope, top, inScope.Count);
    }

    /// <summary>Every stock's latest figures under each Korean sector it belongs to (stocks of no sector left out).</summary>
    public ILookup<string, StockTrading> BySector() =>
        stocks.Values.SelectMany(s => SectorsOf(s).Select(sector => (sector, s))).ToLookup(p => p.sector, p => p.s);

    public IReadOnlyCollection<StockTrading> All => stocks.Values;

    private Func<StockTrading, bool> InScope(string scope) => scope switch
    {
        IRankingGrain.All => _ => true,
        "KOSPI" or "KOSDAQ" => s => string.Equals(s.Market, scope, StringComparison.Ordinal),
        _ => s => SectorsOf(s).Contains(scope, StringComparer.Ordinal),
    };

    private IReadOnlyList<string> SectorsOf(StockTrading s) =>
        sectorsOf?.Invoke(s.Code, s.Sector) ?? (string.IsNullOrEmpty(s.Sector) ? [] : [s.Sector]);

    private void StartDay(DateOnly date)
    {
        TradingDate = date;
        stocks.Clear();
        AsOf = null;
        Version++;
    }
}

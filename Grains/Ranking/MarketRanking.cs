using Gslts.Grains.Interfaces.Ranking;

namespace Gslts.Grains.Ranking;

/// <summary>
/// The day's table of every traded stock's latest figures and its 거래대금 rankings, from two sources: the live reports of
/// the stocks the feed collects, and the exchange's own ranking (ka10032) of the whole market. Plain state, no Orleans:
/// the ranking grain feeds it and asks it for top lists. <paramref name="sectorsOf"/> names a stock's Korean sectors
/// (the sector map, from its code and broker sector); without it a stock's sector is the broker's.
/// </summary>
/// <remarks>
/// Which figures of a stock win: within a day its trading value only grows, so the larger value is the newer figure,
/// whatever the clocks say (a live report is stamped with the stock's last trade, an exchange row with its query). At an
/// equal value the live report wins, since it is exact where the exchange truncates to the million: a collected stock
/// keeps its live figures, and an exchange row replaces them only when the exchange has seen more of its day than the
/// feed has (the feed behind, or not holding the stock). A later live report then refines it again.
/// </remarks>
public sealed class MarketRanking(Func<string, string?, IReadOnlyList<string>>? sectorsOf = null)
{
    private readonly Dictionary<string, Entry> stocks = new(StringComparer.Ordinal);
    private List<Entry>? ordered;

    public DateOnly TradingDate { get; private set; }

    /// <summary>The newest market time reported (a live trade's, or an exchange query's).</summary>
    public DateTimeOffset? AsOf { get; private set; }

    /// <summary>Market time of the trading day's latest exchange ranking; null before the first.</summary>
    public DateTimeOffset? ExchangeAsOf { get; private set; }

    public int Count => stocks.Count;

    /// <summary>Bumped on every change, so a caller can tell whether a list it made is stale.</summary>
    public long Version { get; private set; }

    /// <summary>Live reports of collected stocks.</summary>
    public void Take(IEnumerable<StockTrading> reports)
    {
        foreach (var report in reports) Merge(report, live: true);
    }

    /// <summary>The exchange's ranking: every row stamped with the query's market time.</summary>
    public void TakeExchange(ExchangeRanking ranking)
    {
        var date = ranking.TradingDate;
        if (date < TradingDate) return;
        if (date > TradingDate) StartDay(date);
        foreach (var row in ranking.Rows)
        {
            Merge(new StockTrading(row.Code, date, row.Name, row.Market, row.Sector, row.Price, row.ChangeRate, row.Volume, row.TradingValue,
                ranking.AsOf), live: false);
        }

        if (ExchangeAsOf is null || ranking.AsOf > ExchangeAsOf)
        {
            ExchangeAsOf = ranking.AsOf;
            if (AsOf is null || ranking.AsOf > AsOf) AsOf = ranking.AsOf;
            Version++;
        }
    }

    /// <summary>The top <paramref name="count"/> by 거래대금 of the scope: "all", a market (KOSPI/KOSDAQ) or a sector name.</summary>
    public TopList Top(string scope, int count) => TopOf(scope, count, Ordered());

    /// <summary>The top <paramref name="count"/> of each scope, the table sorted once for all of them.</summary>
    public IReadOnlyDictionary<string, TopList> TopOfEach(IEnumerable<string> scopes, int count)
    {
        var sorted = Ordered();
        return scopes.Distinct(StringComparer.Ordinal).ToDictionary(scope => scope, scope => TopOf(scope, count, sorted), StringComparer.Ordinal);
    }

    /// <summary>Every stock's latest figures under each Korean sector it belongs to (stocks of no sector left out).</summary>
    public ILookup<string, StockTrading> BySector() =>
        stocks.Values.SelectMany(e => e.Sectors.Select(sector => (sector, e.Figures))).ToLookup(p => p.sector, p => p.Figures);

    /// <summary>Every stock's latest figures, whichever source they came from.</summary>
    public IEnumerable<StockTrading> All => stocks.Values.Select(e => e.Figures);

    private void Merge(StockTrading figures, bool live)
    {
        if (figures.TradingDate < TradingDate) return;
        if (figures.TradingDate > TradingDate) StartDay(figures.TradingDate);
        if (stocks.TryGetValue(figures.Code, out var held))
        {
            if (!Supersedes(figures.TradingValue, live, held)) return;
            // What one source leaves out (a name before the stock master came, an exchange row's unknown market) is kept.
            var known = held.Figures;
            figures = figures with { Name = figures.Name ?? known.Name, Market = figures.Market ?? known.Market, Sector = figures.Sector ?? known.Sector };
        }

        stocks[figures.Code] = new Entry(figures, live, SectorsOf(figures.Code, figures.Sector));
        if (AsOf is null || figures.MarketTime > AsOf) AsOf = figures.MarketTime;
        ordered = null;
        Version++;
    }

    // The class's remarks say why: the larger value is the newer; at an equal one the live figures are the exact ones.
    private static bool Supersedes(long value, bool live, Entry held) =>
        value != held.Figures.TradingValue ? value > held.Figures.TradingValue : live || !held.Live;

    private TopList TopOf(string scope, int count, List<Entry> sorted)
    {
        var inScope = InScope(scope);
        var top = new List<RankedStock>(Math.Min(count, sorted.Count));
        var traded = 0;
        foreach (var entry in sorted)
        {
            if (!inScope(entry)) continue;
            traded++;
            if (top.Count == count) continue;
            var s = entry.Figures;
            top.Add(new RankedStock(top.Count + 1, s.Code, s.Name, s.Market, s.Sector, s.Price, s.ChangeRate, s.TradingValue, entry.Live, s.MarketTime));
        }

        return new TopList(TradingDate, AsOf, scope, top, traded, ExchangeAsOf);
    }

    private List<Entry> Ordered() => ordered ??= [.. stocks.Values
        .OrderByDescending(e => e.Figures.TradingValue).ThenBy(e => e.Figures.Code, StringComparer.Ordinal)];

    private static Func<Entry, bool> InScope(string scope) => scope switch
    {
        IRankingGrain.All => _ => true,
        "KOSPI" or "KOSDAQ" => e => string.Equals(e.Figures.Market, scope, StringComparison.Ordinal),
        _ => e => e.Sectors.Contains(scope, StringComparer.Ordinal),
    };

    private IReadOnlyList<string> SectorsOf(string code, string? sector) =>
        sectorsOf?.Invoke(code, sector) ?? (string.IsNullOrEmpty(sector) ? [] : [sector]);

    private void StartDay(DateOnly date)
    {
        TradingDate = date;
        stocks.Clear();
        ordered = null;
        (AsOf, ExchangeAsOf) = (null, null);
        Version++;
    }

    /// <summary>A stock's figures, whether they came from the live feed, and its Korean sectors (looked up once per figures).</summary>
    private sealed record Entry(StockTrading Figures, bool Live, IReadOnlyList<string> Sectors);
}

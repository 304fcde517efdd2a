using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Strategy;
using Gslts.Grains.Sectors;

namespace Gslts.Grains.Strategy;

/// <summary>Last night's US sessions as the US sector grains hold them, and which symbols are not in yet.</summary>
/// <param name="Night">The newest session date among the symbols; null when none has one.</param>
/// <param name="Waiting">Symbols without a session of <paramref name="Night"/> or of the weekday before the plan's date.</param>
public sealed record UsNight(IReadOnlyDictionary<string, UsSectorMove> Moves, DateOnly? Night, IReadOnlyList<string> Waiting);

/// <summary>
/// Reads what a plan is built from out of the grains: US sessions, the sectors' stocks with a trading value, the
/// signals' history. <paramref name="intraday"/> false (the morning plan) reads nothing of the plan's date itself.
/// </summary>
public sealed class StrategyInputs(IGrainFactory grains, SectorMap map, DateOnly date, bool intraday)
{
    /// <summary>US closes read before the date: a few sessions are enough for the last session's change.</summary>
    private const int UsHistoryDays = 30;
    private const int CallsInFlight = 32;
    // About the year of daily bars the stock grains keep.
    private const int SignalHistoryDays = 370;

    public IReadOnlyList<string> UsSymbols { get; } = [.. map.Etfs.Select(e => e.Symbol).Append(map.MarketSymbol)];

    public async Task<UsNight> UsSessions()
    {
        var histories = await Task.WhenAll(UsSymbols.Select(s => grains.GetGrain<IUsSectorGrain>(s).GetHistory(date.AddDays(-UsHistoryDays), date.AddDays(-1))));
        var moves = new Dictionary<string, UsSectorMove>(StringComparer.Ordinal);
        for (var i = 0; i < UsSymbols.Count; i++)
        {
            if (DailyCloses.LastSessionBefore(UsSymbols[i], histories[i], date) is not { } session) continue;
            var name = map.Etf(UsSymbols[i])?.Name ?? "S&P 500";
            moves[UsSymbols[i]] = new UsSectorMove(UsSymbols[i], name, session.Date, session.Close, session.ChangeRate);
        }

        DateOnly? night = moves.Count == 0 ? null : moves.Values.Max(m => m.SessionDate);
        var expected = PreviousWeekday(date);
        var waiting = UsSymbols.Where(s => !moves.TryGetValue(s, out var move) || move.SessionDate < night || move.SessionDate < expected).ToList();
        return new UsNight(moves, night, waiting);
    }

    /// <summary>
    /// The map's codes of the sector, then its busiest members as the sector grain last heard them, each with its
    /// trading value: for the morning plan, the last session before the date (the stock grain's daily bars, its
    /// snapshot, or the sector grain's report, whichever is of an earlier date); for a revision, the newest known.
    /// </summary>
    public async Task<IReadOnlyList<CandidateStock>> StocksOf(string sectorName, int most)
    {
        var sectorGrain = grains.GetGrain<IKrSectorGrain>(sectorName);
        var members = await sectorGrain.GetMembers();
        var reported = (await sectorGrain.GetSummary()).Date;
        var byCode = members.GroupBy(m => m.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var codes = (map.Sector(sectorName)?.Codes ?? []).Concat(members.Select(m => m.Code)).Distinct(StringComparer.Ordinal).Take(most).ToList();

        var stocks = new List<CandidateStock>(codes.Count);
        foreach (var chunk in codes.Chunk(CallsInFlight))
        {
            var known = await Task.WhenAll(chunk.Select(async code =>
            {
                var grain = grains.GetGrain<IStockGrain>(code);
                return (Snapshot: await grain.GetSnapshot(), Bars: await grain.GetDailyHistory());
            }));
            foreach (var (snapshot, bars) in known)
            {
                var member = byCode.GetValueOrDefault(snapshot.Code);
                var name = snapshot.Name ?? member?.Name ?? snapshot.Code;
                var values = new List<(long Value, DateOnly Date)>();
                if (snapshot.TradingValue > 0) values.Add((snapshot.TradingValue, snapshot.TradingDate));
                var bar = bars.LastOrDefault(b => b.TradingValue > 0 && (intraday || b.Date < date));
                if (bar.TradingValue > 0) values.Add((bar.TradingValue, bar.Date));
                if (member is { TradingValue: > 0 }) values.Add((member.TradingValue, reported));
                var usable = values.Where(v => intraday || v.Date < date).ToList();
                if (usable.Count == 0) continue;
                var newest = usable.MaxBy(v => v.Date);
                stocks.Add(new CandidateStock(snapshot.Code, name, newest.Value, newest.Date));
            }
        }

        return stocks;
    }

    /// <summary>
    /// The sector's signal history before the date: its ETF's closes held by the US sector grain against the daily bars
    /// (from the broker) of the map's member stocks. Null where either side has no history.
    /// </summary>
    public async Task<SignalStats?> SignalOf(string sectorName, SignalDirection direction)
    {
        if (map.Sector(sectorName) is not { Codes.Count: > 0 } sector) return null;
        var etf = await grains.GetGrain<IUsSectorGrain>(sector.Symbol).GetHistory(date.AddDays(-SignalHistoryDays), date.AddDays(-1));
        var members = await Task.WhenAll(sector.Codes.Select(code => grains.GetGrain<IStockGrain>(code).GetDailyHistory()));
        return SignalHistory.Measure(etf, [.. members.Select(bars => (IReadOnlyList<DailyBar>)bars)], direction, before: date);
    }

    private static DateOnly PreviousWeekday(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        return day;
    }
}

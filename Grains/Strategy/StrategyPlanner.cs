using Gslts.Grains.Interfaces.Strategy;
using Gslts.Grains.Sectors;

namespace Gslts.Grains.Strategy;

/// <summary>A stock a strong sector could offer, with its last known trading value (before the open: the previous session's).</summary>
public sealed record CandidateStock(string Code, string Name, long TradingValue, DateOnly TradingValueDate);

/// <summary>What the planner reads: last night's US sessions and the Korean sectors' stocks.</summary>
/// <param name="UsSectors">The last session before <paramref name="Date"/> of each US sector ETF (any order; ETFs not in the map are ignored).</param>
/// <param name="Market">SPY's last session, shown beside the sectors.</param>
/// <param name="Stocks">By Korean sector name: its stocks. A sector missing here simply offers none.</param>
/// <param name="Signals">By Korean sector name: the signal's history in the direction the plan calls the sector; absent where no history exists.</param>
public sealed record PlanInputs(
    DateOnly Date,
    DateTimeOffset BuiltAt,
    IReadOnlyList<UsSectorMove> UsSectors,
    UsSectorMove? Market,
    IReadOnlyDictionary<string, IReadOnlyList<CandidateStock>> Stocks,
    IReadOnlyDictionary<string, SignalStats> Signals,
    IReadOnlyList<string> Notes);

/// <summary>
/// The PRD's morning algorithm. Pure: no Orleans, no I/O.
/// <list type="number">
/// <item>US sector ETFs sorted by their last session's change, strongest first (ties by symbol).</item>
/// <item>The top <see cref="StrategyOptions.TopSectors"/> ETFs' Korean sectors are expected strong; the bottom
/// <see cref="StrategyOptions.BottomSectors"/> (never one already strong) expected weak, weakest first.</item>
/// <item>The strong sectors' stocks with a trading value form one pool (a stock in two strong sectors counts once, in
/// the stronger); its top <see cref="StrategyOptions.TopFraction"/> by trading value, rounded up, are the candidates.</item>
/// <item>5–10: fewer than <see cref="StrategyOptions.MinCandidates"/> are widened with the pool's next stocks by trading
/// value (marked not in the top fraction) as far as the pool goes; more than <see cref="StrategyOptions.MaxCandidates"/>
/// are cut to the highest trading values.</item>
/// <item>Candidates ranked 1… by trading value (ties by code).</item>
/// </list>
/// </summary>
public static class StrategyPlanner
{
    public static StrategyPlan Plan(PlanInputs inputs, SectorMap map, StrategyOptions options)
    {
        var sorted = inputs.UsSectors
            .Where(m => map.Etf(m.Symbol) is not null)
            .OrderByDescending(m => m.ChangeRate).ThenBy(m => m.Symbol, StringComparer.Ordinal)
            .ToList();
        var strongEtfs = sorted.Take(options.TopSectors).ToList();
        var weakEtfs = sorted.Skip(strongEtfs.Count).TakeLast(options.BottomSectors).Reverse().ToList();

        var strong = Calls(strongEtfs, map, inputs.Signals);
        var weak = Calls(weakEtfs, map, inputs.Signals);
        var candidates = Candidates(strong, inputs.Stocks, options);
        return new StrategyPlan(inputs.Date, inputs.BuiltAt, inputs.Market, sorted, strong, weak, candidates, inputs.Notes);
    }

    /// <summary>How many of a pool of <paramref name="poolSize"/> stocks the plan keeps: the top fraction rounded up, then held within min–max (and the pool).</summary>
    public static int CandidateCount(int poolSize, StrategyOptions options)
    {
        var top = (int)Math.Ceiling(poolSize * options.TopFraction - 1e-9);
        return Math.Min(poolSize, Math.Clamp(top, options.MinCandidates, options.MaxCandidates));
    }

    private static List<SectorCall> Calls(List<UsSectorMove> etfs, SectorMap map, IReadOnlyDictionary<string, SignalStats> signals) =>
        [.. etfs.SelectMany(etf => map.Etf(etf.Symbol)!.Sectors.Select(sector =>
            new SectorCall(sector.Name, etf.Symbol, etf.ChangeRate, signals.GetValueOrDefault(sector.Name))))];

    private static List<StrategyCandidate> Candidates(
        List<SectorCall> strong, IReadOnlyDictionary<string, IReadOnlyList<CandidateStock>> stocks, StrategyOptions options)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pool = new List<(CandidateStock Stock, string Sector)>();
        foreach (var call in strong)
        {
            foreach (var stock in stocks.GetValueOrDefault(call.Name) ?? [])
            {
                if (stock.TradingValue > 0 && seen.Add(stock.Code)) pool.Add((stock, call.Name));
            }
        }

        var ranked = pool.OrderByDescending(p => p.Stock.TradingValue).ThenBy(p => p.Stock.Code, StringComparer.Ordinal).ToList();
        var inTop = (int)Math.Ceiling(ranked.Count * options.TopFraction - 1e-9);
        return [.. ranked.Take(CandidateCount(ranked.Count, options)).Select((p, i) =>
            new StrategyCandidate(i + 1, p.Stock.Code, p.Stock.Name, p.Sector, p.Stock.TradingValue, p.Stock.TradingValueDate, i < inTop))];
    }
}

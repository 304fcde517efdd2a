using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Strategy;
using Gslts.Grains.Interfaces.Streams;
using Gslts.Grains.Sectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.Grains.Strategy;

/// <summary>
/// The morning plan of one trading date: gathers last night's US sessions, the strong sectors' stocks and their last
/// trading value from the grains, lets <see cref="StrategyPlanner"/> decide, and stores the plan.
/// </summary>
public sealed class StrategyGrain(
    [PersistentState("plan", StorageNames.Market)] IPersistentState<StrategyState> plan,
    SectorMap map,
    IOptions<StrategyOptions> options,
    TimeProvider time,
    ILogger<StrategyGrain> logger) : Grain, IStrategyGrain
{
    /// <summary>US closes read before the date: a few sessions are enough for the last session's change.</summary>
    private const int UsHistoryDays = 30;
    private const int CallsInFlight = 32;
    // About the year of daily bars the stock grains keep.
    private const int SignalHistoryDays = 370;

    public const string NoKoreanHistoryNote = "과거 적중률·평균 익일 수익률: 국내 종목의 일별 종가 이력이 아직 없어 계산하지 않았습니다.";

    public Task<StrategyPlan?> Get() => Task.FromResult(plan.State.Plan);

    public async Task<StrategyPlan> Build()
    {
        var key = this.GetPrimaryKeyString();
        if (!StrategyDates.TryParse(key, out var date)) throw new ArgumentException($"'{key}' is not a trading date ({StrategyDates.Format}).");

        var rules = options.Value;
        var notes = new List<string>();
        var sessions = await UsSessionsBefore(date, notes);
        var market = sessions.GetValueOrDefault(map.MarketSymbol);
        var sectors = map.Etfs.Select(e => sessions.GetValueOrDefault(e.Symbol)).OfType<UsSectorMove>().ToList();
        var empty = new Dictionary<string, IReadOnlyList<CandidateStock>>();
        var noSignals = new Dictionary<string, SignalStats>();

        // The sectors first (cheap, pure), so only the strong sectors' stocks are asked for.
        var outline = StrategyPlanner.Plan(new PlanInputs(date, time.GetUtcNow(), sectors, market, empty, noSignals, notes), map, rules);
        var stocks = new Dictionary<string, IReadOnlyList<CandidateStock>>(StringComparer.Ordinal);
        foreach (var sector in outline.StrongSectors)
        {
            stocks[sector.Name] = await StocksOf(sector.Name, rules.MaxStocksPerSector);
        }

        var signals = new Dictionary<string, SignalStats>(StringComparer.Ordinal);
        foreach (var (sector, direction) in outline.StrongSectors.Select(s => (s.Name, SignalDirection.Up)).Concat(outline.WeakSectors.Select(s => (s.Name, SignalDirection.Down))))
        {
            if (await SignalOf(sector, direction, date) is { } stats) signals[sector] = stats;
        }

        if (signals.Count == 0 && (outline.StrongSectors.Count > 0 || outline.WeakSectors.Count > 0)) notes.Add(NoKoreanHistoryNote);
        var built = StrategyPlanner.Plan(new PlanInputs(date, time.GetUtcNow(), sectors, market, stocks, signals, notes), map, rules);

        plan.State = new StrategyState { Plan = built };
        await plan.WriteStateAsync();
        await this.GetStreamProvider(StreamNames.Provider).GetStream<StrategyPlan>(StreamNames.ForStrategy()).OnNextAsync(built);
        logger.LogInformation("Strategy of {Date} built: strong {Strong}, weak {Weak}, {Candidates} candidates",
            date, string.Join(",", built.StrongSectors.Select(s => s.Name)), string.Join(",", built.WeakSectors.Select(s => s.Name)), built.Candidates.Count);
        return built;
    }

    /// <summary>
    /// The sector's signal history before <paramref name="date"/>: its ETF's closes held by the US sector grain against the
    /// daily bars (from the broker) of the map's member stocks. Null where either side has no history.
    /// </summary>
    private async Task<SignalStats?> SignalOf(string sectorName, SignalDirection direction, DateOnly date)
    {
        if (map.Sector(sectorName) is not { Codes.Count: > 0 } sector) return null;
        var etf = await GrainFactory.GetGrain<IUsSectorGrain>(sector.Symbol).GetHistory(date.AddDays(-SignalHistoryDays), date.AddDays(-1));
        var members = await Task.WhenAll(sector.Codes.Select(code => GrainFactory.GetGrain<IStockGrain>(code).GetDailyHistory()));
        var closes = members.Select(bars => (IReadOnlyList<DailyClose>)[.. bars.Select(b => new DailyClose(b.Date, b.Close))]).ToList();
        return SignalHistory.Measure(etf, closes, direction, before: date);
    }

    private async Task<Dictionary<string, UsSectorMove>> UsSessionsBefore(DateOnly date, List<string> notes)
    {
        var symbols = map.Etfs.Select(e => e.Symbol).Append(map.MarketSymbol).ToList();
        var histories = await Task.WhenAll(symbols.Select(s => GrainFactory.GetGrain<IUsSectorGrain>(s).GetHistory(date.AddDays(-UsHistoryDays), date.AddDays(-1))));
        var moves = new Dictionary<string, UsSectorMove>(StringComparer.Ordinal);
        for (var i = 0; i < symbols.Count; i++)
        {
            if (DailyCloses.LastSessionBefore(symbols[i], histories[i], date) is not { } session) continue;
            var name = map.Etf(symbols[i])?.Name ?? "S&P 500";
            moves[symbols[i]] = new UsSectorMove(symbols[i], name, session.Date, session.Close, session.ChangeRate);
        }

        var missing = symbols.Where(s => !moves.ContainsKey(s)).ToList();
        if (missing.Count > 0) notes.Add($"미국 시장 데이터가 없어 제외했습니다: {string.Join(", ", missing)}");
        return moves;
    }

    /// <summary>
    /// The map's codes of the sector, then its busiest members as the sector grain last heard them, each with its stock
    /// grain's last trading value (the sector grain's report where the stock grain has none).
    /// </summary>
    private async Task<IReadOnlyList<CandidateStock>> StocksOf(string sectorName, int most)
    {
        var sectorGrain = GrainFactory.GetGrain<IKrSectorGrain>(sectorName);
        var members = await sectorGrain.GetMembers();
        var reported = (await sectorGrain.GetSummary()).Date;
        var byCode = members.GroupBy(m => m.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var codes = (map.Sector(sectorName)?.Codes ?? []).Concat(members.Select(m => m.Code)).Distinct(StringComparer.Ordinal).Take(most).ToList();

        var stocks = new List<CandidateStock>(codes.Count);
        foreach (var chunk in codes.Chunk(CallsInFlight))
        {
            var snapshots = await Task.WhenAll(chunk.Select(code => GrainFactory.GetGrain<IStockGrain>(code).GetSnapshot()));
            foreach (var snapshot in snapshots)
            {
                var member = byCode.GetValueOrDefault(snapshot.Code);
                var name = snapshot.Name ?? member?.Name ?? snapshot.Code;
                if (snapshot.TradingValue > 0) stocks.Add(new CandidateStock(snapshot.Code, name, snapshot.TradingValue, snapshot.TradingDate));
                else if (member is { TradingValue: > 0 }) stocks.Add(new CandidateStock(snapshot.Code, name, member.TradingValue, reported));
            }
        }

        return stocks;
    }
}

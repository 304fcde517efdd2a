using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Strategy;
using Gslts.Grains.Interfaces.Streams;
using Gslts.Grains.Sectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.Grains.Strategy;

/// <summary>
/// The plans of one trading date: gathers last night's US sessions, the strong sectors' stocks and their trading values
/// and the signals' history from the grains (<see cref="StrategyInputs"/>), lets <see cref="StrategyPlanner"/> decide,
/// and stores the morning plan once and each revision beside it.
/// </summary>
public sealed class StrategyGrain(
    [PersistentState("plan", StorageNames.Market)] IPersistentState<StrategyState> plans,
    SectorMap map,
    IOptions<StrategyOptions> options,
    TimeProvider time,
    ILogger<StrategyGrain> logger) : Grain, IStrategyGrain
{
    private static readonly TimeSpan AskAgain = TimeSpan.FromSeconds(5);

    public const string NoKoreanHistoryNote = "과거 적중률·평균 익일 수익률: 국내 종목의 일별 종가 이력이 아직 없어 계산하지 않았습니다.";
    public const string NoPreviousValuesNote = "전일 거래대금을 아는 후보 종목이 없어 후보를 고르지 못했습니다.";

    public Task<StrategyPlan?> Get() => Task.FromResult(plans.State.Plan);

    public Task<IReadOnlyList<StrategyPlan>> GetRevisions() => Task.FromResult<IReadOnlyList<StrategyPlan>>(plans.State.Revisions);

    public async Task<MorningBuild> BuildMorningPlan(bool evenIfIncomplete)
    {
        if (plans.State.Plan is { } kept) return new MorningBuild(kept, null, TimeSpan.Zero);
        var date = Date();
        var buildAt = new DateTimeOffset(date.ToDateTime(options.Value.BuildAt), StrategyDates.Kst);
        var now = time.GetUtcNow();
        if (now < buildAt)
        {
            return new MorningBuild(null, $"{StrategyDates.Key(date)} 전략은 {options.Value.BuildAt:HH\\:mm}(KST)에 만들어집니다.", buildAt - now);
        }

        var inputs = new StrategyInputs(GrainFactory, map, date, intraday: false);
        var night = await inputs.UsSessions();
        if (night.Waiting.Count > 0 && !evenIfIncomplete)
        {
            return new MorningBuild(null, $"미국 섹터 데이터를 기다리는 중입니다: {string.Join(", ", night.Waiting)}. 잠시 후 다시 시도하세요.", AskAgain);
        }

        var built = await BuildAsync(inputs, night, revision: 0);
        if (built.Candidates.Count == 0 && built.StrongSectors.Count > 0 && !evenIfIncomplete)
        {
            return new MorningBuild(null, "국내 종목의 전일 거래대금을 기다리는 중입니다. 잠시 후 다시 시도하세요.", AskAgain);
        }

        plans.State = plans.State with { Plan = built };
        await StoreAndPublish(built);
        return new MorningBuild(built, null, TimeSpan.Zero);
    }

    public async Task<StrategyPlan> Revise()
    {
        var inputs = new StrategyInputs(GrainFactory, map, Date(), intraday: true);
        var revision = plans.State.Revisions.Count == 0 ? 1 : plans.State.Revisions[^1].Revision + 1;
        var built = await BuildAsync(inputs, await inputs.UsSessions(), revision);
        plans.State = plans.State with { Revisions = [.. plans.State.Revisions.Append(built).TakeLast(options.Value.MaxRevisions)] };
        await StoreAndPublish(built);
        return built;
    }

    private DateOnly Date()
    {
        var key = this.GetPrimaryKeyString();
        return StrategyDates.TryParse(key, out var date) ? date : throw new ArgumentException($"'{key}' is not a trading date ({StrategyDates.Format}).");
    }

    private async Task<StrategyPlan> BuildAsync(StrategyInputs inputs, UsNight night, int revision)
    {
        var rules = options.Value;
        var date = Date();
        var notes = new List<string>();
        var missing = night.Waiting.Where(s => !night.Moves.ContainsKey(s)).ToList();
        var behind = night.Waiting.Where(night.Moves.ContainsKey).ToList();
        if (missing.Count > 0) notes.Add($"미국 시장 데이터가 없어 제외했습니다: {string.Join(", ", missing)}");
        if (behind.Count > 0) notes.Add($"지난밤 세션이 아직 들어오지 않아 이전 세션을 썼습니다: {string.Join(", ", behind)}");
        var market = night.Moves.GetValueOrDefault(map.MarketSymbol);
        var sectors = map.Etfs.Select(e => night.Moves.GetValueOrDefault(e.Symbol)).OfType<UsSectorMove>().ToList();
        var empty = new Dictionary<string, IReadOnlyList<CandidateStock>>();
        var noSignals = new Dictionary<string, SignalStats>();

        // The sectors first (cheap, pure), so only the strong sectors' stocks are asked for.
        var outline = StrategyPlanner.Plan(new PlanInputs(date, time.GetUtcNow(), sectors, market, empty, noSignals, notes), map, rules);
        var stocks = new Dictionary<string, IReadOnlyList<CandidateStock>>(StringComparer.Ordinal);
        foreach (var sector in outline.StrongSectors) stocks[sector.Name] = await inputs.StocksOf(sector.Name, rules.MaxStocksPerSector);

        var signals = new Dictionary<string, SignalStats>(StringComparer.Ordinal);
        foreach (var (sector, direction) in outline.StrongSectors.Select(s => (s.Name, SignalDirection.Up)).Concat(outline.WeakSectors.Select(s => (s.Name, SignalDirection.Down))))
        {
            if (await inputs.SignalOf(sector, direction) is { } stats) signals[sector] = stats;
        }

        if (signals.Count == 0 && (outline.StrongSectors.Count > 0 || outline.WeakSectors.Count > 0)) notes.Add(NoKoreanHistoryNote);
        if (outline.StrongSectors.Count > 0 && stocks.Values.All(s => s.Count == 0)) notes.Add(NoPreviousValuesNote);
        return StrategyPlanner.Plan(new PlanInputs(date, time.GetUtcNow(), sectors, market, stocks, signals, notes), map, rules) with { Revision = revision };
    }

    private async Task StoreAndPublish(StrategyPlan built)
    {
        await plans.WriteStateAsync();
        await this.GetStreamProvider(StreamNames.Provider).GetStream<StrategyPlan>(StreamNames.ForStrategy()).OnNextAsync(built);
        logger.LogInformation("Strategy of {Date} built ({Kind}): strong {Strong}, weak {Weak}, {Candidates} candidates",
            built.Date, built.IsMorningPlan ? "morning plan" : $"revision {built.Revision}",
            string.Join(",", built.StrongSectors.Select(s => s.Name)), string.Join(",", built.WeakSectors.Select(s => s.Name)), built.Candidates.Count);
    }
}

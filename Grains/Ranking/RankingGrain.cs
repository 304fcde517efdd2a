using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Search;
using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Sectors;
using Gslts.Grains.Interfaces.Streams;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Gslts.Grains.Ranking;

/// <summary>
/// The market's 거래대금 ranking: takes the reporters' batches and the bridge's exchange rankings, answers top lists,
/// publishes the top 50 of every scope (the market, KOSPI, KOSDAQ, each sector of the map) at most twice a second when
/// it changed, and stores the day's 10-minute snapshots.
/// </summary>
public sealed class RankingGrain(
    [PersistentState("ranking", StorageNames.Market)] IPersistentState<RankingState> stored,
    SectorMap sectors,
    ILogger<RankingGrain> logger) : Grain, IRankingGrain
{
    public const int Published = 50;
    // Twice a second, so a list is never older than a second even when a timer tick runs late.
    private static readonly TimeSpan PublishEvery = TimeSpan.FromMilliseconds(500);

    private readonly MarketRanking table = new(sectors.SectorsOf);
    private readonly Dictionary<string, IAsyncStream<TopList>> streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TopList> published = new(StringComparer.Ordinal);
    private long publishedVersion;

    /// <summary>Every scope with a stream of its own: the market, both markets, each Korean sector of the map.</summary>
    public IReadOnlyList<string> Scopes { get; } = [IRankingGrain.All, "KOSPI", "KOSDAQ", .. sectors.KoreanSectors];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var provider = this.GetStreamProvider(StreamNames.Provider);
        foreach (var scope in Scopes) streams[scope] = provider.GetStream<TopList>(StreamNames.ForRanking(scope));
        this.RegisterGrainTimer(PublishAsync, new GrainTimerCreationOptions(PublishEvery, PublishEvery) { Interleave = true });
        return Task.CompletedTask;
    }

    public Task Report(IReadOnlyList<StockTrading> stocks)
    {
        table.Take(stocks);
        return SnapshotIfDueAsync();
    }

    public Task ReportExchange(ExchangeRanking ranking)
    {
        table.TakeExchange(ranking);
        return SnapshotIfDueAsync();
    }

    public Task<TopList> Top(string scope, int count) => Task.FromResult(table.Top(scope, Math.Clamp(count, 1, 100)));

    public Task<IReadOnlyList<TopList>> Snapshots(DateOnly date) =>
        Task.FromResult<IReadOnlyList<TopList>>(stored.State.TradingDate == date ? stored.State.Snapshots : []);

    private async Task SnapshotIfDueAsync()
    {
        if (table.AsOf is not { } now) return;
        var last = stored.State.TradingDate == table.TradingDate && stored.State.Snapshots.Count > 0 ? stored.State.Snapshots[^1].AsOf : null;
        if (SnapshotClock.Due(now, last) is not { } mark) return;
        var snapshots = stored.State.TradingDate == table.TradingDate ? stored.State.Snapshots : [];
        stored.State = new RankingState { TradingDate = table.TradingDate, Snapshots = [.. snapshots, table.Top(IRankingGrain.All, Published) with { AsOf = mark }] };
        try
        {
            await stored.WriteStateAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Kept in memory and written with the next snapshot.
            logger.LogWarning(e, "Could not store the {Mark:HH:mm} ranking snapshot", mark);
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (table.Version == publishedVersion) return;
        publishedVersion = table.Version;
        await PublishScopesAsync();
        await UpdateSectorsAsync();
        if (this.GetPrimaryKeyString() == IRankingGrain.Krx)
        {
            // Search orders its hits by the day's trading value.
            await GrainFactory.GetGrain<IStockDirectoryGrain>(IStockDirectoryGrain.Krx)
                .ReportTradingValues(table.All.ToDictionary(s => s.Code, s => s.TradingValue));
        }
    }

    /// <summary>Each scope's top 50 to its stream, when it is not the list that stream last carried.</summary>
    private async Task PublishScopesAsync()
    {
        var changed = table.TopOfEach(Scopes, Published).Values
            .Where(top => !published.TryGetValue(top.Scope, out var before) || !SameList(before, top))
            .ToList();
        try
        {
            await Task.WhenAll(changed.Select(top => streams[top.Scope].OnNextAsync(top)));
            foreach (var top in changed) published[top.Scope] = top;
        }
        catch (Exception e)
        {
            // Nothing is marked published, so the next change sends every changed scope again.
            publishedVersion = -1;
            logger.LogWarning("Publishing the rankings failed: {Reason}", e.Message);
        }
    }

    /// <summary>Same rows, same count of stocks traded, same exchange ranking behind it: nothing a watcher would see changed.</summary>
    private static bool SameList(TopList before, TopList now) =>
        before.TradingDate == now.TradingDate && before.StocksTraded == now.StocksTraded && before.ExchangeAsOf == now.ExchangeAsOf
        && before.Stocks.SequenceEqual(now.Stocks);

    /// <summary>Each Korean sector's members as they stand now, to its sector grain (a call per sector, not per stock).</summary>
    private async Task UpdateSectorsAsync()
    {
        var updates = table.BySector().Select(group => GrainFactory.GetGrain<IKrSectorGrain>(group.Key).Update(table.TradingDate,
            [.. group.Select(s => new SectorMember(s.Code, s.Name ?? s.Code, s.Price, s.ChangeRate, s.TradingValue))]));
        try
        {
            await Task.WhenAll(updates);
        }
        catch (Exception e)
        {
            // The next publish sends every sector's members again.
            logger.LogWarning("Updating the Korean sectors failed: {Reason}", e.Message);
        }
    }
}

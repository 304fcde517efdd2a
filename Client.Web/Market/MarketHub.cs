using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Strategy;
using Gslts.Grains.Interfaces.Streams;
using Gslts.Krx;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Gslts.Client.Web.Market;

/// <summary>
/// The page's live channel: a connection watches listed stocks (one at a time by default; watching another switches) and
/// receives their "stock" snapshots, and may join the ranking and the strategy. What a connection holds is bounded
/// (<see cref="ConnectionWatches"/>), and its calls are rate-limited (<see cref="Limits.HubCallLimiter"/>).
/// </summary>
public sealed class MarketHub(
    StockFeedForwarder forwarder, GroupForwarder groups, ListedStocks listed, IGrainFactory grains, IOptions<MarketHubOptions> options, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/market";
    public const string StockEvent = "stock";
    public const string RankingEvent = "ranking";
    public const string RankingGroup = "ranking";
    public const string StrategyEvent = "strategy";
    public const string StrategyGroup = "strategy";
    private const string WatchesKey = "watches";

    public static string GroupOf(string code) => $"stock:{code}";

    /// <summary>
    /// Watches <paramref name="code"/> (a stock of the stock master) and returns its current snapshot; past
    /// <see cref="MarketHubOptions.MaxWatchesPerConnection"/> the stock watched longest ago is dropped.
    /// </summary>
    public async Task<StockSnapshot> Watch(string code)
    {
        await EnsureListedAsync(code);
        var watches = Watches;
        if (watches.Contains(code))
        {
            watches.Add(code);
            return await forwarder.RenewAsync(code);
        }

        var snapshot = await forwarder.WatchAsync(code, Context.ConnectionAborted);
        if (watches.Add(code) is { } dropped)
        {
            forwarder.Unwatch(dropped);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(dropped), Context.ConnectionAborted);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(code), Context.ConnectionAborted);
        return snapshot;
    }

    /// <summary>Stops watching <paramref name="code"/> on this connection (nothing happens when it was not watched).</summary>
    public async Task Unwatch(string code)
    {
        if (!Watches.Remove(code)) return;
        forwarder.Unwatch(code);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(code), Context.ConnectionAborted);
    }

    /// <summary>Joins the live 거래대금 ranking (pushed up to twice a second) and returns the current top 50.</summary>
    public async Task<TopList> WatchRanking()
    {
        var watches = Watches;
        if (!watches.Ranking)
        {
            await groups.EnsureForwardingAsync<TopList>(StreamNames.ForRanking(IRankingGrain.All), RankingGroup, RankingEvent, Context.ConnectionAborted);
            await Groups.AddToGroupAsync(Context.ConnectionId, RankingGroup, Context.ConnectionAborted);
            watches.Ranking = true;
        }

        return await grains.GetGrain<IRankingGrain>(IRankingGrain.Krx).Top(IRankingGrain.All, 50);
    }

    /// <summary>Joins the morning strategy's pushes (a plan each time one is built) and returns today's plan, if built.</summary>
    public async Task<StrategyPlan?> WatchStrategy()
    {
        var watches = Watches;
        if (!watches.Strategy)
        {
            await groups.EnsureForwardingAsync<StrategyPlan>(StreamNames.ForStrategy(), StrategyGroup, StrategyEvent, Context.ConnectionAborted);
            await Groups.AddToGroupAsync(Context.ConnectionId, StrategyGroup, Context.ConnectionAborted);
            watches.Strategy = true;
        }

        return await grains.GetGrain<IStrategyGrain>(StrategyDates.Key(StrategyDates.Today(clock.GetUtcNow()))).Get();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var code in Watches.Clear()) forwarder.Unwatch(code);
        return base.OnDisconnectedAsync(exception);
    }

    private ConnectionWatches Watches
    {
        get
        {
            if (Context.Items.TryGetValue(WatchesKey, out var held) && held is ConnectionWatches watches) return watches;
            watches = new ConnectionWatches(options.Value.MaxWatchesPerConnection);
            Context.Items[WatchesKey] = watches;
            return watches;
        }
    }

    /// <summary>Only stocks of the stock master get a grain, a subscription and a forwarder.</summary>
    private async Task EnsureListedAsync(string code)
    {
        if (!StockCode.IsValid(code)) throw new HubException($"Unknown stock code '{code}': expected {StockCode.Format}.");
        switch (await listed.CheckAsync(code, Context.ConnectionAborted))
        {
            case ListingStatus.Unknown:
                throw new HubException(ListedStocks.UnknownMessage(code));
            case ListingStatus.NotLoaded:
                throw new HubException(ListedStocks.NotLoadedMessage);
        }
    }
}

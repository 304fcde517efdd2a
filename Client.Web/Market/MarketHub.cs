using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Strategy;
using Gslts.Grains.Interfaces.Streams;
using Gslts.Krx;
using Microsoft.AspNetCore.SignalR;

namespace Gslts.Client.Web.Market;

/// <summary>The page's live channel: a client watches one stock at a time and receives "stock" snapshots, and the ranking.</summary>
public sealed class MarketHub(StockFeedForwarder forwarder, GroupForwarder groups, IGrainFactory grains, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/market";
    public const string StockEvent = "stock";
    public const string RankingEvent = "ranking";
    public const string RankingGroup = "ranking";
    public const string StrategyEvent = "strategy";
    public const string StrategyGroup = "strategy";
    private const string WatchedKey = "watched";

    public static string GroupOf(string code) => $"stock:{code}";

    /// <summary>Switches this connection to <paramref name="code"/> and returns its current snapshot.</summary>
    public async Task<StockSnapshot> Watch(string code)
    {
        if (!StockCode.IsValid(code))
        {
            throw new HubException($"Unknown stock code '{code}': expected {StockCode.Format}.");
        }

        if (Context.Items.TryGetValue(WatchedKey, out var previous) && previous is string old)
        {
            Context.Items.Remove(WatchedKey);
            forwarder.Unwatch(old);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(old), Context.ConnectionAborted);
        }

        var snapshot = await forwarder.WatchAsync(code, Context.ConnectionAborted);
        Context.Items[WatchedKey] = code;
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(code), Context.ConnectionAborted);
        return snapshot;
    }

    /// <summary>Joins the live 거래대금 ranking (pushed up to twice a second) and returns the current top 50.</summary>
    public async Task<TopList> WatchRanking()
    {
        await groups.EnsureForwardingAsync<TopList>(StreamNames.ForRanking(IRankingGrain.All), RankingGroup, RankingEvent, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, RankingGroup, Context.ConnectionAborted);
        return await grains.GetGrain<IRankingGrain>(IRankingGrain.Krx).Top(IRankingGrain.All, 50);
    }

    /// <summary>Joins the morning strategy's pushes (a plan each time one is built) and returns today's plan, if built.</summary>
    public async Task<StrategyPlan?> WatchStrategy()
    {
        await groups.EnsureForwardingAsync<StrategyPlan>(StreamNames.ForStrategy(), StrategyGroup, StrategyEvent, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, StrategyGroup, Context.ConnectionAborted);
        return await grains.GetGrain<IStrategyGrain>(StrategyDates.Key(StrategyDates.Today(clock.GetUtcNow()))).Get();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(WatchedKey, out var watched) && watched is string code) forwarder.Unwatch(code);
        return base.OnDisconnectedAsync(exception);
    }
}

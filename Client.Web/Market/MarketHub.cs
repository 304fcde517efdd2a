using Gslts.Grains.Interfaces.Market;
using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Sectors;
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
    StockFeedForwarder forwarder, BookForwarder books, GroupForwarder groups, ListedStocks listed, IGrainFactory grains, IOptions<MarketHubOptions> options, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/market";
    public const string StockEvent = "stock";
    public const string RankingEvent = "ranking";
    public const string MarketEvent = "market";
    public const string MarketGroup = "market";
    public const string StrategyEvent = "strategy";
    public const string StrategyGroup = "strategy";
    private const string WatchesKey = "watches";

    public static string GroupOf(string code) => $"stock:{code}";

    public static string RankingGroupOf(string scope) => $"ranking:{scope}";

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
            if (watches.Book == dropped) await UnwatchBook();
            forwarder.Unwatch(dropped);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(dropped), Context.ConnectionAborted);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(code), Context.ConnectionAborted);
        return snapshot;
    }

    /// <summary>Stops watching <paramref name="code"/> on this connection (nothing happens when it was not watched).</summary>
    public async Task Unwatch(string code)
    {
        if (Watches.Book == code) await UnwatchBook();
        if (!Watches.Remove(code)) return;
        forwarder.Unwatch(code);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(code), Context.ConnectionAborted);
    }

    /// <summary>
    /// Follows the live 거래대금 ranking of <paramref name="scope"/> ("all", KOSPI, KOSDAQ or a Korean sector of the map;
    /// pushed up to twice a second, one scope per connection: following another switches) and returns its top 50.
    /// </summary>
    public async Task<TopList> WatchRanking(string scope)
    {
        scope = string.IsNullOrWhiteSpace(scope) ? IRankingGrain.All : scope.Trim();
        await EnsureRankingScopeAsync(scope);
        var watches = Watches;
        if (watches.RankingScope != scope)
        {
            await groups.EnsureForwardingAsync<TopList>(StreamNames.ForRanking(scope), RankingGroupOf(scope), RankingEvent, Context.ConnectionAborted);
            if (watches.RankingScope is { } previous) await Groups.RemoveFromGroupAsync(Context.ConnectionId, RankingGroupOf(previous), Context.ConnectionAborted);
            await Groups.AddToGroupAsync(Context.ConnectionId, RankingGroupOf(scope), Context.ConnectionAborted);
            watches.RankingScope = scope;
        }

        return await grains.GetGrain<IRankingGrain>(IRankingGrain.Krx).Top(scope, 50);
    }

    /// <summary>Shows the book of <paramref name="code"/>, a stock this connection watches: returns it (null before the first) and pushes "book" up to ten times a second.</summary>
    public async Task<OrderBook?> WatchBook(string code)
    {
        var watches = Watches;
        if (!watches.Contains(code)) throw new HubException($"Watch {code} before its book: call Watch(\"{code}\") first.");
        if (watches.Book != code)
        {
            await UnwatchBook();
            await books.WatchAsync(code, Context.ConnectionAborted);
            watches.Book = code;
            await Groups.AddToGroupAsync(Context.ConnectionId, BookForwarder.GroupOf(code), Context.ConnectionAborted);
        }

        return await grains.GetGrain<IStockGrain>(code).GetBook();
    }

    /// <summary>Stops the book pushes of this connection (the book panel is hidden).</summary>
    public async Task UnwatchBook()
    {
        var watches = Watches;
        if (watches.Book is not { } code) return;
        watches.Book = null;
        books.Unwatch(code);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, BookForwarder.GroupOf(code), Context.ConnectionAborted);
    }

    /// <summary>Joins the market session's pushes (장 시작 전, 동시호가, 장중, 장 마감, 휴장 as it changes) and returns the session now.</summary>
    public async Task<MarketStatus> WatchMarket()
    {
        var watches = Watches;
        if (!watches.Market)
        {
            await groups.EnsureForwardingAsync<MarketStatus>(StreamNames.ForMarket(), MarketGroup, MarketEvent, Context.ConnectionAborted);
            await Groups.AddToGroupAsync(Context.ConnectionId, MarketGroup, Context.ConnectionAborted);
            watches.Market = true;
        }

        return await grains.GetGrain<IMarketSessionGrain>(IMarketSessionGrain.Krx).Get();
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
        var watches = Watches;
        if (watches.Book is { } book) books.Unwatch(book);
        foreach (var code in watches.Clear()) forwarder.Unwatch(code);
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

    /// <summary>Only scopes the ranking has (bounded by the sector map) get a stream subscription and a group.</summary>
    private async Task EnsureRankingScopeAsync(string scope)
    {
        if (scope is IRankingGrain.All or "KOSPI" or "KOSDAQ") return;
        var board = await grains.GetGrain<ISectorBoardGrain>(StrategyApi.BoardKey).GetBoard();
        if (!board.KrSectors.Any(s => s.Name == scope)) throw new HubException($"Unknown ranking scope '{scope}': all, KOSPI, KOSDAQ or a sector of /api/sectors.");
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

using System.Net;
using System.Net.Http.Json;
using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gslts.Silo.Tests.EndToEnd;

/// <summary>The ranking, candles and trades as the product serves them, fed by the sim through bridge and grains.</summary>
public sealed class RankingApiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_live_ranking_lists_traded_stocks_by_trading_value_and_is_pushed_to_a_watching_browser()
    {
        await using var host = await TestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Web };
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.Web, "/hubs/market")).Build();
        var pushed = new TaskCompletionSource<TopList>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<TopList>("ranking", top =>
        {
            if (top.Stocks.Count > 0) pushed.TrySetResult(top);
        });
        await connection.StartAsync();
        await connection.InvokeAsync<TopList>("WatchRanking", "all");

        // Names come with the stock master, which may land a moment after the first trades.
        var top = await Poll.Until(() => http.GetFromJsonAsync<TopList>("/api/ranking?n=10"), t => t!.Stocks.Count >= 5 && t.Stocks.All(s => s.Name is not null), Patience);
        var live = await pushed.Task.WaitAsync(Patience);

        Assert.Equal(Enumerable.Range(1, top!.Stocks.Count), top.Stocks.Select(s => s.Rank));
        Assert.Equal(top.Stocks.Select(s => s.TradingValue).OrderDescending(), top.Stocks.Select(s => s.TradingValue));
        Assert.All(top.Stocks, s => Assert.True(s.TradingValue > 0 && s.Price > 0 && s.Name is not null));
        Assert.NotEmpty(live.Stocks);
        var kospi = await http.GetFromJsonAsync<TopList>("/api/ranking?scope=KOSPI&n=100");
        Assert.All(kospi!.Stocks, s => Assert.Equal("KOSPI", s.Market));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/ranking?n=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/ranking/snapshots/2026-13-01")).StatusCode);
    }

    [Fact]
    public async Task A_traded_stock_serves_its_minute_candles_and_recent_trades()
    {
        await using var host = await TestHost.StartAsync();
        await host.StockMasterLoadedAsync(Patience);
        using var http = new HttpClient { BaseAddress = host.Web };

        var candles = await Poll.Until(() => http.GetFromJsonAsync<Candle[]>("/api/stocks/005930/candles"), c => c!.Length > 0, Patience);
        var trades = await http.GetFromJsonAsync<TradePrint[]>("/api/stocks/005930/trades?count=5");
        var snapshot = await http.GetFromJsonAsync<StockSnapshot>("/api/stocks/005930");

        Assert.All(candles!, c => Assert.InRange(c.Close, c.Low, c.High));
        Assert.Equal(candles!.Select(c => c.Start).Order(), candles!.Select(c => c.Start));
        Assert.InRange(trades!.Length, 1, 5);
        Assert.NotNull(snapshot!.Quarters);
        Assert.Equal(snapshot.High, snapshot.Quarters!.High);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/stocks/005930/trades?count=500")).StatusCode);
    }
}

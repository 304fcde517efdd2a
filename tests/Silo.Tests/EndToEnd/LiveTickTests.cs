using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gslts.Silo.Tests.EndToEnd;

public sealed class LiveTickTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_trade_printed_by_the_sim_reaches_a_browser_client_through_bridge_grain_and_hub()
    {
        await using var host = await TestHost.StartAsync();
        await host.StockMasterLoadedAsync(Patience);
        var updates = new List<StockSnapshot>();
        var watched = new TaskCompletionSource<StockSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        var newer = new TaskCompletionSource<StockSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.Web, "/hubs/market")).Build();
        connection.On<StockSnapshot>("stock", async snapshot =>
        {
            lock (updates) updates.Add(snapshot);
            if (snapshot.Volume > (await watched.Task).Volume) newer.TrySetResult(snapshot);
        });
        await connection.StartAsync();

        var first = await connection.InvokeAsync<StockSnapshot>("Watch", "005930");
        watched.SetResult(first);
        var live = await newer.Task.WaitAsync(Patience);

        Assert.Equal("005930", live.Code);
        Assert.True(live.Price > 0, "a traded price");
        Assert.True(live.Volume > first.Volume, "the pushed snapshot is newer than the one Watch returned");
        Assert.InRange(live.Low, 1, live.Price);
        Assert.InRange(live.High, live.Price, long.MaxValue);
        Assert.True(live.Volume > 0, "volume accumulates");
        Assert.InRange(live.TradingValue, live.Low * live.Volume, live.High * live.Volume);
        lock (updates)
        {
            Assert.Equal(updates.Select(u => u.TickCount).Order(), updates.Select(u => u.TickCount));
        }
    }

    [Fact]
    public async Task Health_stock_api_and_page_answer_once_the_feed_is_live()
    {
        await using var host = await TestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Web };

        var health = await Poll.Until(() => http.GetAsync("/healthz"), r => r.StatusCode == HttpStatusCode.OK, Patience);
        var body = await health.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["account", "feed", "journal", "ranking", "silo", "storage"], body.GetProperty("checks").EnumerateObject().Select(p => p.Name).Order());

        var stock = await Poll.Until(() => http.GetAsync("/api/stocks/005930"), r => r.StatusCode == HttpStatusCode.OK, Patience);
        var snapshot = await stock.Content.ReadFromJsonAsync<StockSnapshot>();
        Assert.Equal("005930", snapshot!.Code);
        Assert.True(snapshot.Price > 0);

        var badCode = await http.GetAsync("/api/stocks/59-30");
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Contains("6 characters", await badCode.Content.ReadAsStringAsync());

        var page = await http.GetStringAsync("/");
        Assert.Contains("<div id=\"root\"", page);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gslts.Client.Web.Market;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.Silo.Tests.EndToEnd;

/// <summary>The web serves and watches only stocks of the stock master: anything else activates nothing on the node or in the cluster.</summary>
public sealed class ListedStocksTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private const string Unlisted = "ZZ0001";

    [Fact]
    public async Task A_code_outside_the_stock_master_is_a_404_naming_it_and_a_refused_watch_and_activates_no_grain()
    {
        await using var host = await TestHost.StartAsync();
        await host.StockMasterLoadedAsync(Patience);
        using var http = new HttpClient { BaseAddress = host.Web };
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.Web, MarketHub.Path)).Build();
        await connection.StartAsync();

        foreach (var path in new[] { "", "/candles", "/trades", "/daily" })
        {
            var response = await http.GetAsync($"/api/stocks/{Unlisted}{path}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(Unlisted, problem.GetProperty("code").GetString());
            Assert.Contains($"'{Unlisted}'", problem.GetProperty("detail").GetString());
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<StockSnapshot>("Watch", Unlisted));
        Assert.Contains($"Unknown stock code '{Unlisted}': it is not in the stock master", refused.Message);
        Assert.Equal(HubConnectionState.Connected, connection.State);
        var listed = await connection.InvokeAsync<StockSnapshot>("Watch", "005930");
        Assert.Equal("005930", listed.Code);

        var forwarder = host.App.Services.GetRequiredService<StockFeedForwarder>();
        Assert.Equal(["005930"], forwarder.WatchedStocks);
        Assert.Equal(1, forwarder.ForwardedStocks);
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        var active = await grains.GetGrain<IManagementGrain>(0).GetActiveGrains(grains.GetGrain<IStockGrain>(Unlisted).GetGrainId().Type);
        Assert.Contains(active, id => id.Key.ToString() == "005930");
        Assert.DoesNotContain(active, id => id.Key.ToString() == Unlisted);
    }

    [Fact]
    public async Task Before_the_stock_master_is_loaded_a_stock_is_a_503_to_retry_and_a_watch_is_refused_saying_so()
    {
        await using var host = await TestHost.StartAsync("--Gslts:Kiwoom:LoadStockMaster=false");
        using var http = new HttpClient { BaseAddress = host.Web };
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.Web, MarketHub.Path)).Build();
        await connection.StartAsync();

        var response = await http.GetAsync("/api/stocks/005930");
        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<StockSnapshot>("Watch", "005930"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(StockApi.NotLoadedRetrySeconds), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The stock list is not loaded yet: retry in a few seconds.", problem.GetProperty("detail").GetString());
        Assert.Contains("The stock list is not loaded yet: retry in a few seconds.", refused.Message);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/stocks/59-30")).StatusCode);
        var forwarder = host.App.Services.GetRequiredService<StockFeedForwarder>();
        Assert.Equal((0, 0), (forwarder.ForwardedStocks, forwarder.WatchedStocks.Count));
    }
}

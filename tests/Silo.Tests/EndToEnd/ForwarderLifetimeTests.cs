using Gslts.Client.Web.Market;
using Gslts.Grains.Interfaces.Streams;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.Silo.Tests.EndToEnd;

/// <summary>A web node holds forwarders and stream subscriptions only for what its browsers show, and a connection only so many watches.</summary>
public sealed class ForwarderLifetimeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_stock_nobody_shows_any_more_loses_its_forwarder_and_stream_subscription_and_the_next_watcher_subscribes_again()
    {
        // A 3 s lease renews every second: an idle forwarder goes within two seconds.
        await using var host = await TestHost.StartAsync("--Gslts:Web:Market:WatchLease=00:00:03");
        await host.StockMasterLoadedAsync(Patience);
        var forwarder = host.App.Services.GetRequiredService<StockFeedForwarder>();
        var stream = host.App.Services.GetRequiredService<IClusterClient>()
            .GetStreamProvider(StreamNames.Provider).GetStream<StockSnapshot>(StreamNames.ForStock("005930"));

        await using (var first = await ConnectAsync(host))
        {
            await first.InvokeAsync<StockSnapshot>("Watch", "005930");
            Assert.Equal((1, 1), (forwarder.ForwardedStocks, (await stream.GetAllSubscriptionHandles()).Count));
        }

        Assert.True(await Poll.Until(() => forwarder.ForwardedStocks == 0, Patience), "the forwarder of a stock nobody shows is removed");
        // The forwarder leaves the node's table first, then unsubscribes: wait for that too.
        Assert.True(await Poll.Until(async () => (await stream.GetAllSubscriptionHandles()).Count == 0, Patience), "the stream subscription is removed");

        await using var second = await ConnectAsync(host);
        var pushed = new TaskCompletionSource<StockSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        second.On<StockSnapshot>(MarketHub.StockEvent, s => pushed.TrySetResult(s));
        await second.InvokeAsync<StockSnapshot>("Watch", "005930");
        Assert.Equal("005930", (await pushed.Task.WaitAsync(Patience)).Code);
        Assert.Single(await stream.GetAllSubscriptionHandles());

        await second.InvokeAsync("Unwatch", "005930");
        Assert.Empty(forwarder.WatchedStocks);
        Assert.True(await Poll.Until(() => forwarder.ForwardedStocks == 0, Patience), "an unwatched stock's forwarder is removed too");
        // The forwarder leaves the node's table first, then unsubscribes: wait for that too.
        Assert.True(await Poll.Until(async () => (await stream.GetAllSubscriptionHandles()).Count == 0, Patience), "the stream subscription is removed");
    }

    [Fact]
    public async Task A_connection_watches_at_most_its_limit_the_newest_stocks_and_never_grows_past_it()
    {
        await using var host = await TestHost.StartAsync("--Gslts:Web:Market:MaxWatchesPerConnection=2");
        await host.StockMasterLoadedAsync(Patience);
        var forwarder = host.App.Services.GetRequiredService<StockFeedForwarder>();
        await using var connection = await ConnectAsync(host);

        foreach (var code in new[] { "005930", "000660", "035420", "000660", "105560" })
        {
            await connection.InvokeAsync<StockSnapshot>("Watch", code);
        }

        Assert.Equal(["000660", "105560"], forwarder.WatchedStocks.Order());
        await connection.DisposeAsync();
        Assert.True(await Poll.Until(() => forwarder.WatchedStocks.Count == 0, Patience), "a closed connection watches nothing");
    }

    private static async Task<HubConnection> ConnectAsync(TestHost host)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(host.Web, MarketHub.Path)).Build();
        await connection.StartAsync();
        return connection;
    }
}

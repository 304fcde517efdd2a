using System.Collections.Concurrent;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Gslts.Client.Web.Market;

/// <summary>
/// Subscribes once per stock on this web node to the stock's grain stream and forwards its snapshots to the
/// stock's SignalR group, coalesced to at most one message per <see cref="MarketHubOptions.MinInterval"/>. While a
/// browser on this node shows a stock, its grain's watch lease is renewed (the grain publishes only while watched).
/// </summary>
public sealed class StockFeedForwarder(
    IClusterClient cluster,
    IHubContext<MarketHub> hub,
    IOptions<MarketHubOptions> options,
    TimeProvider clock,
    ILogger<StockFeedForwarder> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Lazy<Task<StockCoalescer>>> forwards = new();
    private readonly ConcurrentDictionary<string, int> watchers = new();

    public int ForwardedStocks => forwards.Count;

    /// <summary>Stocks a browser on this node shows now.</summary>
    public IReadOnlyCollection<string> WatchedStocks => [.. watchers.Where(w => w.Value > 0).Select(w => w.Key)];

    /// <summary>One more browser shows <paramref name="code"/>: forwarding starts (once per node) and the grain is watched.</summary>
    public async Task<StockSnapshot> WatchAsync(string code, CancellationToken cancellationToken)
    {
        var forward = forwards.GetOrAdd(code, c => new Lazy<Task<StockCoalescer>>(() => SubscribeAsync(c)));
        try
        {
            await forward.Value.WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed subscription must not stick: the next watcher tries again.
            forwards.TryRemove(new KeyValuePair<string, Lazy<Task<StockCoalescer>>>(code, forward));
            throw;
        }

        watchers.AddOrUpdate(code, 1, (_, n) => n + 1);
        return await cluster.GetGrain<IStockGrain>(code).Watch(options.Value.WatchLease);
    }

    /// <summary>A browser stopped showing <paramref name="code"/>; with none left the lease is no longer renewed.</summary>
    public void Unwatch(string code) => watchers.AddOrUpdate(code, 0, (_, n) => Math.Max(0, n - 1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Renewed well before the lease ends, so one slow renewal does not interrupt the stream.
        using var renewals = new PeriodicTimer(options.Value.WatchLease / 3, clock);
        try
        {
            while (await renewals.WaitForNextTickAsync(stoppingToken))
            {
                await Task.WhenAll(WatchedStocks.Select(RenewAsync));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RenewAsync(string code)
    {
        try
        {
            await cluster.GetGrain<IStockGrain>(code).Watch(options.Value.WatchLease);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not renew the watch of {Code}: {Reason}", code, e.Message);
        }
    }

    private async Task<StockCoalescer> SubscribeAsync(string code)
    {
        var coalescer = new StockCoalescer(code, options.Value.MinInterval, clock, SendAsync);
        var stream = cluster.GetStreamProvider(StreamNames.Provider).GetStream<StockSnapshot>(StreamNames.ForStock(code));
        await stream.SubscribeAsync((snapshot, _) =>
        {
            coalescer.Offer(snapshot);
            return Task.CompletedTask;
        });
        logger.LogInformation("Forwarding {Code} to browsers", code);
        return coalescer;
    }

    private async Task SendAsync(StockSnapshot snapshot)
    {
        try
        {
            await hub.Clients.Group(MarketHub.GroupOf(snapshot.Code)).SendAsync(MarketHub.StockEvent, snapshot);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not push {Code} to browsers", snapshot.Code);
        }
    }
}

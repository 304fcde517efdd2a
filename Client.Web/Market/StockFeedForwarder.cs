using System.Collections.Concurrent;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace Gslts.Client.Web.Market;

/// <summary>
/// Subscribes once per stock on this web node to the stock's grain stream and forwards its snapshots to the
/// stock's SignalR group, coalesced to at most one message per <see cref="MarketHubOptions.MinInterval"/>.
/// </summary>
public sealed class StockFeedForwarder(
    IClusterClient cluster,
    IHubContext<MarketHub> hub,
    IOptions<MarketHubOptions> options,
    TimeProvider clock,
    ILogger<StockFeedForwarder> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<StockCoalescer>>> forwards = new();

    public int ForwardedStocks => forwards.Count;

    public async Task EnsureForwardingAsync(string code, CancellationToken cancellationToken)
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

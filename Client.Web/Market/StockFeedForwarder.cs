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
/// A stock nobody on this node has shown for a renewal period (a third of the lease) is unsubscribed and forgotten at
/// the next renewal, so the node holds forwarders only for what browsers show; a page that reconnects or switches back
/// within that period finds its forwarder still there.
/// </summary>
public sealed class StockFeedForwarder(
    IClusterClient cluster,
    IHubContext<MarketHub> hub,
    IOptions<MarketHubOptions> options,
    TimeProvider clock,
    ILogger<StockFeedForwarder> logger) : BackgroundService
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Forward> forwards = new(StringComparer.Ordinal);

    /// <summary>Stocks this node holds a forwarder and a stream subscription for (watched now or lately).</summary>
    public int ForwardedStocks
    {
        get
        {
            lock (gate) return forwards.Count;
        }
    }

    /// <summary>Stocks a browser on this node shows now.</summary>
    public IReadOnlyCollection<string> WatchedStocks
    {
        get
        {
            lock (gate) return [.. forwards.Values.Where(f => f.Watchers > 0).Select(f => f.Code)];
        }
    }

    private TimeSpan RenewalPeriod => options.Value.WatchLease / 3;

    /// <summary>One more browser shows <paramref name="code"/>: forwarding starts (once per node) and the grain is watched.</summary>
    public async Task<StockSnapshot> WatchAsync(string code, CancellationToken cancellationToken)
    {
        var forward = Join(code);
        try
        {
            await forward.Subscribed.WaitAsync(cancellationToken);
            return await RenewAsync(code);
        }
        catch
        {
            Leave(forward);
            throw;
        }
    }

    /// <summary>A browser stopped showing <paramref name="code"/>; with none left the lease is no longer renewed.</summary>
    public void Unwatch(string code)
    {
        Forward? forward;
        lock (gate) forward = forwards.GetValueOrDefault(code);
        if (forward is not null) Leave(forward);
    }

    /// <summary>Renews the grain's lease and returns its current snapshot.</summary>
    public Task<StockSnapshot> RenewAsync(string code) => cluster.GetGrain<IStockGrain>(code).Watch(options.Value.WatchLease);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Renewed well before the lease ends, so one slow renewal does not interrupt the stream.
        using var renewals = new PeriodicTimer(RenewalPeriod, clock);
        try
        {
            while (await renewals.WaitForNextTickAsync(stoppingToken))
            {
                await Task.WhenAll(WatchedStocks.Select(TryRenewAsync).Append(RemoveIdleAsync()));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private Forward Join(string code)
    {
        lock (gate)
        {
            if (!forwards.TryGetValue(code, out var forward) || forward.Subscribed.IsFaulted)
            {
                forward = new Forward(code, new StockCoalescer(code, options.Value.MinInterval, clock, SendAsync), SubscribeAsync);
                forwards[code] = forward;
            }

            forward.Watchers++;
            return forward;
        }
    }

    private void Leave(Forward forward)
    {
        lock (gate)
        {
            forward.Watchers = Math.Max(0, forward.Watchers - 1);
            if (forward.Watchers > 0) return;
            forward.IdleSince = clock.GetTimestamp();
            // A failed subscription must not stick: the next watcher subscribes again.
            if (forward.Subscribed.IsFaulted && forwards.GetValueOrDefault(forward.Code) == forward) forwards.Remove(forward.Code);
        }
    }

    private async Task RemoveIdleAsync()
    {
        List<Forward> idle;
        lock (gate)
        {
            idle = [.. forwards.Values.Where(f => f.Watchers == 0 && f.Subscribed.IsCompleted && clock.GetElapsedTime(f.IdleSince) >= RenewalPeriod)];
            foreach (var forward in idle)
            {
                forwards.Remove(forward.Code);
                forward.Closed = true;
            }
        }

        await Task.WhenAll(idle.Select(UnsubscribeAsync));
    }

    private async Task UnsubscribeAsync(Forward forward)
    {
        try
        {
            if (forward.Subscribed.IsCompletedSuccessfully) await (await forward.Subscribed).UnsubscribeAsync();
            logger.LogInformation("No longer forwarding {Code}: nobody on this node shows it", forward.Code);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not unsubscribe from {Code}: {Reason}", forward.Code, e.Message);
        }
    }

    private async Task TryRenewAsync(string code)
    {
        try
        {
            await RenewAsync(code);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not renew the watch of {Code}: {Reason}", code, e.Message);
        }
    }

    private async Task<StreamSubscriptionHandle<StockSnapshot>> SubscribeAsync(Forward forward)
    {
        var stream = cluster.GetStreamProvider(StreamNames.Provider).GetStream<StockSnapshot>(StreamNames.ForStock(forward.Code));
        var handle = await stream.SubscribeAsync((snapshot, _) =>
        {
            // A removed forwarder may hear a last item while it unsubscribes; its group is the new forwarder's now.
            if (!forward.Closed) forward.Coalescer.Offer(snapshot);
            return Task.CompletedTask;
        });
        logger.LogInformation("Forwarding {Code} to browsers", forward.Code);
        return handle;
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

    /// <summary>One stock's forwarding on this node; its fields change under the forwarder's lock.</summary>
    private sealed class Forward
    {
        public Forward(string code, StockCoalescer coalescer, Func<Forward, Task<StreamSubscriptionHandle<StockSnapshot>>> subscribe)
        {
            (Code, Coalescer) = (code, coalescer);
            Subscribed = subscribe(this);
        }

        public string Code { get; }

        public StockCoalescer Coalescer { get; }

        public Task<StreamSubscriptionHandle<StockSnapshot>> Subscribed { get; }

        public int Watchers { get; set; }

        public long IdleSince { get; set; }

        public volatile bool Closed;
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace Gslts.Client.Web.Market;

/// <summary>
/// Market-wide streams (the ranking, the morning strategy) to SignalR groups: each stream is subscribed once per web
/// node, on the first browser that asks, and every item goes to the stream's group.
/// </summary>
public sealed class GroupForwarder(IClusterClient cluster, IHubContext<MarketHub> hub, ILogger<GroupForwarder> logger)
{
    private readonly ConcurrentDictionary<StreamId, Lazy<Task>> subscriptions = new();

    public Task EnsureForwardingAsync<T>(StreamId stream, string group, string eventName, CancellationToken cancellationToken)
    {
        var subscription = subscriptions.GetOrAdd(stream, id => new Lazy<Task>(() => SubscribeAsync<T>(id, group, eventName)));
        return subscription.Value.WaitAsync(cancellationToken);
    }

    private async Task SubscribeAsync<T>(StreamId id, string group, string eventName)
    {
        try
        {
            await cluster.GetStreamProvider(Gslts.Grains.Interfaces.Streams.StreamNames.Provider).GetStream<T>(id).SubscribeAsync(async (item, _) =>
            {
                try
                {
                    await hub.Clients.Group(group).SendAsync(eventName, item);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Could not push {Event} to browsers", eventName);
                }
            });
            logger.LogInformation("Forwarding {Stream} to browsers", id);
        }
        catch
        {
            // A failed subscription must not stick: the next browser tries again.
            subscriptions.TryRemove(id, out _);
            throw;
        }
    }
}

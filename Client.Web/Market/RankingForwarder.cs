using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Streams;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Gslts.Client.Web.Market;

/// <summary>
/// Subscribes once per web node to the market-wide ranking stream (published at most twice a second) and pushes each
/// list to the browsers in the ranking group.
/// </summary>
public sealed class RankingForwarder(IClusterClient cluster, IHubContext<MarketHub> hub, ILogger<RankingForwarder> logger)
{
    private readonly Lazy<Task> subscription = new(() => SubscribeAsync(cluster, hub, logger));

    public Task EnsureForwardingAsync(CancellationToken cancellationToken) => subscription.Value.WaitAsync(cancellationToken);

    private static async Task SubscribeAsync(IClusterClient cluster, IHubContext<MarketHub> hub, ILogger logger)
    {
        var stream = cluster.GetStreamProvider(StreamNames.Provider).GetStream<TopList>(StreamNames.ForRanking(IRankingGrain.All));
        await stream.SubscribeAsync(async (top, _) =>
        {
            try
            {
                await hub.Clients.Group(MarketHub.RankingGroup).SendAsync(MarketHub.RankingEvent, top);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not push the ranking to browsers");
            }
        });
        logger.LogInformation("Forwarding the ranking to browsers");
    }
}

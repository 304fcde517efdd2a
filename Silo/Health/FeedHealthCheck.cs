using Gslts.KiwoomBridge.Realtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gslts.Silo.Health;

/// <summary>Up while every connection of the bridge is logged in to the broker's real-time feed.</summary>
public sealed class FeedHealthCheck(FeedStatus feed) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(feed.IsLoggedIn
            ? HealthCheckResult.Healthy($"logged in on {feed.Connections} connection(s) with {feed.LiveCodes} codes" +
                (feed.Uncovered > 0 ? $" ({feed.Uncovered} more codes need app keys)" : "") +
                $"; {feed.TicksReceived} trades received, last message {feed.LastMessageAt:O}" +
                (feed.MarketSession is { } session ? $"; market {session.Meaning} ({session.Code}) since {session.Time:HH:mm:ss}" : ""))
            : HealthCheckResult.Unhealthy(feed.GaveUp
                ? $"stopped: {feed.LastError}"
                : $"not logged in ({feed.Reconnects} reconnects): {feed.LastError ?? "connecting"}"));
}

using Gslts.KiwoomBridge.Realtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gslts.Silo.Health;

/// <summary>Up while every connection of the bridge is logged in to the broker's real-time feed.</summary>
public sealed class FeedHealthCheck(FeedStatus feed) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The plan's figures, so an operator reads what is collected (and what does not fit the app keys) without parsing text.
        var data = new Dictionary<string, object>
        {
            ["connections"] = feed.Connections,
            ["codes"] = feed.LiveCodes,
            ["uncovered"] = feed.Uncovered,
            ["trades"] = feed.TicksReceived,
        };
        if (feed.MarketTime is { } marketTime) data["marketTime"] = marketTime;
        return Task.FromResult(feed.IsLoggedIn
            ? HealthCheckResult.Healthy($"logged in on {feed.Connections} connection(s) with {feed.LiveCodes} codes" +
                (feed.Uncovered > 0 ? $" ({feed.Uncovered} more codes need app keys)" : "") +
                $"; {feed.TicksReceived} trades received, last message {feed.LastMessageAt:O}" +
                (feed.MarketSession is { } session ? $"; market {session.Meaning} ({session.Code}) since {session.Time:HH:mm:ss}" : ""), data)
            : HealthCheckResult.Unhealthy(feed.GaveUp
                ? $"stopped: {feed.LastError}"
                : $"not logged in ({feed.Reconnects} reconnects): {feed.LastError ?? "connecting"}", data: data));
    }
}

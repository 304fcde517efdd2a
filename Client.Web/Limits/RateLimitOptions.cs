namespace Gslts.Client.Web.Limits;

/// <summary>
/// Bound from <c>Gslts:Web:RateLimits</c>: per client (its IP address), token buckets refilled every second. The
/// defaults leave the page and scripts polling a few times a second far from the limits.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gslts:Web:RateLimits";

    /// <summary>HTTP requests to /api and /hubs (negotiate, connect) a client may make per second, sustained.</summary>
    public int RequestsPerSecond { get; set; } = 50;

    /// <summary>HTTP requests a client may make at once before <see cref="RequestsPerSecond"/> applies.</summary>
    public int RequestBurst { get; set; } = 200;

    /// <summary>Hub method calls (Watch, Unwatch, WatchBook, WatchRanking, WatchStrategy, WatchMarket) a client may make per second, sustained.</summary>
    public int HubCallsPerSecond { get; set; } = 10;

    /// <summary>Hub method calls a client may make at once before <see cref="HubCallsPerSecond"/> applies.</summary>
    public int HubCallBurst { get; set; } = 50;
}

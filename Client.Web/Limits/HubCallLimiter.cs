using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Gslts.Client.Web.Limits;

/// <summary>
/// Every hub method call takes a permit from its client's bucket (by IP address, shared by the client's connections); a
/// call past the budget gets a <see cref="HubException"/> saying to slow down, and the connection stays open.
/// </summary>
public sealed class HubCallLimiter(IOptions<RateLimitOptions> options) : IHubFilter, IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => RateLimiting.Bucket(options.Value.HubCallBurst, options.Value.HubCallsPerSecond)));

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using var lease = limiter.AttemptAcquire(RateLimiting.ClientOf(invocation.Context.GetHttpContext()));
        if (!lease.IsAcquired)
        {
            throw new HubException($"Too many calls: slow down and retry after {RateLimiting.RetryAfterSeconds(lease)} s.");
        }

        return await next(invocation);
    }

    public void Dispose() => limiter.Dispose();
}

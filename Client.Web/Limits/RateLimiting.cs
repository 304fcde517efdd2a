using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gslts.Client.Web.Limits;

/// <summary>Per-client rate limits: HTTP through ASP.NET Core's middleware (policy <see cref="Policy"/>), hub calls through <see cref="HubCallLimiter"/>.</summary>
public static class RateLimiting
{
    public const string Policy = "per-client";

    public static IServiceCollection AddGsltsRateLimits(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.RequestsPerSecond >= 1, "Gslts:Web:RateLimits:RequestsPerSecond must be at least 1.")
            .Validate(o => o.RequestBurst >= 1, "Gslts:Web:RateLimits:RequestBurst must be at least 1.")
            .Validate(o => o.HubCallsPerSecond >= 1, "Gslts:Web:RateLimits:HubCallsPerSecond must be at least 1.")
            .Validate(o => o.HubCallBurst >= 1, "Gslts:Web:RateLimits:HubCallBurst must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<HubCallLimiter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(Policy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => Bucket(options.RequestBurst, options.RequestsPerSecond));
            });
        });
        return services;
    }

    /// <summary>Who a limit counts against: the client's IP address (one browser, or one office behind a NAT).</summary>
    public static string ClientOf(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static TokenBucketRateLimiterOptions Bucket(int burst, int perSecond) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Whole seconds until the lease's limiter has a permit again (at least 1).</summary>
    public static int RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = RetryAfterSeconds(rejected.Lease);
        var response = rejected.HttpContext.Response;
        response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem($"Too many requests: slow down and retry after {seconds} s.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests")
            .ExecuteAsync(rejected.HttpContext);
    }
}

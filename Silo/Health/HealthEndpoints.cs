using System.Text.Json;
using Gslts.Silo.Configuration;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gslts.Silo.Health;

/// <summary><c>GET /healthz</c>: 200 when every hosted part is up, 503 naming the failing part otherwise.</summary>
public static class HealthEndpoints
{
    public const string Path = "/healthz";

    public static IServiceCollection AddGsltsHealth(this IServiceCollection services, GsltsRoles roles)
    {
        var checks = services.AddHealthChecks();
        if (roles.Silo || roles.NeedsClusterClient)
        {
            checks.AddCheck<ClusterHealthCheck>("silo");
        }

        if (roles.Silo)
        {
            checks.AddCheck<StorageHealthCheck>("storage");
        }

        if (roles.Bridge)
        {
            checks.AddCheck<FeedHealthCheck>("feed");
            checks.AddCheck<JournalHealthCheck>("journal");
            checks.AddCheck<AccountFeedHealthCheck>("account");
            checks.AddCheck<ExchangeRankingHealthCheck>("ranking");
        }

        return services;
    }

    public static WebApplication MapGsltsHealth(this WebApplication app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).ToList();
        var body = new
        {
            status = report.Status.ToString(),
            failing,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data.Count > 0 ? e.Value.Data : null }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), context.RequestAborted);
    }
}

using System.Net;
using System.Text.Json.Serialization;
using Gslts.Client.Web.Limits;
using Gslts.Client.Web.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Dashboard;

namespace Gslts.Client.Web;

public static class ClientWebExtensions
{
    public const string DashboardPath = "/dashboard";
    public const string OpenApiDocumentName = "v1";
    public const string OpenApiRoute = "/openapi/{documentName}.json";

    /// <summary>The web role's services: SignalR hub, stream forwarding, REST problem details, per-client rate limits.</summary>
    public static IServiceCollection AddClientWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR(hub => hub.AddFilter<HubCallLimiter>());
        services.AddProblemDetails();
        // The page's TypeScript types are generated from this document (ClientApp/openapi.json), so they follow the C# records.
        services.AddOpenApi(OpenApiDocumentName, o => o.AddSchemaTransformer((schema, _, _) =>
        {
            // Every property of a record is always written (null when it has no value): required, so TypeScript does not make it optional.
            if (schema.Properties is { Count: > 0 } properties) schema.Required = new HashSet<string>(properties.Keys);
            return Task.CompletedTask;
        }));
        // Numbers are numbers: the document then types them as integers, not "integer or numeric string".
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddOptions<MarketHubOptions>().Bind(configuration.GetSection(MarketHubOptions.Section))
            .Validate(o => o.WatchLease >= TimeSpan.FromSeconds(3) && o.WatchLease <= TimeSpan.FromMinutes(5), "Gslts:Web:Market:WatchLease must be between 3 seconds and 5 minutes.")
            .Validate(o => o.MaxWatchesPerConnection is >= 1 and <= 20, "Gslts:Web:Market:MaxWatchesPerConnection must be between 1 and 20.")
            .ValidateOnStart();
        services.AddGsltsRateLimits(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ListedStocks>();
        services.AddSingleton<StockFeedForwarder>();
        services.AddHostedService(sp => sp.GetRequiredService<StockFeedForwarder>());
        services.AddSingleton<GroupForwarder>();
        services.AddSingleton<BookForwarder>();
        return services;
    }

    /// <summary>The web role's endpoints: hub, REST API, admin dashboard.</summary>
    public static WebApplication MapClientWeb(this WebApplication app)
    {
        // The dashboard shows grain state and logs: local operators only until real admin sign-in exists.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DashboardPath), admin => admin.Use(
            async (context, next) =>
            {
                if (IsLocal(context)) await next(context);
                else context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }));
        // Only the API and the hub's HTTP requests count against a client: /healthz, the page's files and the dashboard do not.
        app.UseRateLimiter();
        app.MapHub<MarketHub>(MarketHub.Path).RequireRateLimiting(RateLimiting.Policy);
        var api = app.MapGroup("").RequireRateLimiting(RateLimiting.Policy);
        api.MapStockApi();
        api.MapRankingApi();
        api.MapSearchApi();
        api.MapKrxApi();
        api.MapStrategyApi();
        api.MapMarketApi();
        app.MapOpenApi(OpenApiRoute);
        app.MapOrleansDashboard(DashboardPath);
        app.MapClientApp();
        return app;
    }

    private static bool IsLocal(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);
}

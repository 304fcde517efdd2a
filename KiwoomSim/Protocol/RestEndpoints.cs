using System.Text.Json;
using Gslts.KiwoomSim.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>Kiwoom's REST paths (every call a POST with an <c>api-id</c> header) and the sim's own ground truth.</summary>
public static class RestEndpoints
{
    public static IEndpointRouteBuilder MapSimRest(this IEndpointRouteBuilder app, SimRest rest)
    {
        foreach (var path in rest.Paths)
        {
            // Every method, so a GET gets Kiwoom's JSON refusal rather than a bare 405.
            app.Map(path, (HttpContext context) => rest.HandleAsync(context, path));
        }

        app.MapGet("/sim/stats", (SimMarket market) => Results.Json(market.Stats()));
        // Latency ground truth for benchmarks: when each trade of one stock was sent (POST starts it, GET reads it).
        app.MapPost("/sim/probe/{code}", (string code, Market.PrintProbe probe) =>
        {
            probe.Start(code);
            return Results.Ok(new { probing = code });
        });
        app.MapGet("/sim/probe", (Market.PrintProbe probe) => Results.Json(new { code = probe.Code, prints = probe.Prints }));
        app.MapGet("/sim/us-sectors", (SimMarket market) => Results.Json(new
        {
            tradingDate = market.TradingDate,
            previousSession = market.UsSectors.PreviousSession,
            spy = market.UsSectors.Spy,
            sectors = market.UsSectors.Moves,
        }));
        return app;
    }

    /// <summary>Any path nothing else serves answers in Kiwoom's JSON shape, never an empty 404.</summary>
    public static IEndpointRouteBuilder MapSimRestFallback(this IEndpointRouteBuilder app, SimRest rest)
    {
        app.MapFallback("{*path}", (HttpContext context) => rest.HandleAsync(context, context.Request.Path.Value ?? "/"));
        return app;
    }

    internal static string? Str(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

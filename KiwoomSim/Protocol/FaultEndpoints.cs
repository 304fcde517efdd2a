using Gslts.KiwoomSim.Auth;
using Gslts.KiwoomSim.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>Fault injection for tests: <c>POST /sim/faults/...</c>.</summary>
public static class FaultEndpoints
{
    public static IEndpointRouteBuilder MapSimFaults(this IEndpointRouteBuilder app)
    {
        var faults = app.MapGroup("/sim/faults");
        faults.MapPost("/drop-sockets", (RealtimeSessions sessions) =>
        {
            var dropped = sessions.Count;
            sessions.DropAll();
            return Results.Ok(new { dropped });
        });
        faults.MapPost("/expire-tokens", (TokenStore tokens) =>
        {
            tokens.ExpireAll();
            return Results.Ok(new { expired = true });
        });
        faults.MapPost("/rest-errors", (int count, SimFaults f) =>
        {
            f.FailRest(count);
            return Results.Ok(new { restErrors = count });
        });
        faults.MapPost("/rate-limit", (int count, SimFaults f) =>
        {
            f.RateLimit(count);
            return Results.Ok(new { rateLimits = count });
        });
        faults.MapPost("/pause-feed", (double seconds, SimFaults f, TimeProvider time) =>
        {
            f.PauseFeed(time.GetUtcNow().AddSeconds(seconds));
            return Results.Ok(new { pausedSeconds = seconds });
        });
        faults.MapPost("/clear", (SimFaults f) =>
        {
            f.Clear();
            return Results.Ok(new { cleared = true });
        });
        return app;
    }
}

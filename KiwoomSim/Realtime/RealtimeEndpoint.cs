using Gslts.KiwoomSim.Auth;
using Gslts.KiwoomSim.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Realtime;

public static class RealtimeEndpoint
{
    public const string Path = "/api/dostk/websocket";

    public static IEndpointRouteBuilder MapSimRealtime(this IEndpointRouteBuilder app)
    {
        app.Map(Path, async (HttpContext context, TokenStore tokens, RealtimeSessions sessions, SimMarket market,
            IOptions<SimOptions> options, TimeProvider time, ILoggerFactory logs) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsync("WebSocket only", context.RequestAborted);
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var session = new RealtimeSession(socket, tokens, sessions, market, options.Value, time, logs.CreateLogger<RealtimeSession>());
            await session.RunAsync(context.RequestAborted);
        });
        return app;
    }
}

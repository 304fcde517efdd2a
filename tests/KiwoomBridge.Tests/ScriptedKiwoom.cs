using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>
/// A Kiwoom stand-in on loopback that issues a token, accepts LOGIN, then plays a test's script on the socket (frames
/// exactly as the test wants them: garbage, fragments, pauses) and keeps the socket open until the client closes it.
/// </summary>
internal sealed class ScriptedKiwoom(WebApplication app, Uri address) : IAsyncDisposable
{
    public Uri Address { get; } = address;

    public static async Task<ScriptedKiwoom> StartAsync(Func<WebSocket, Task> afterLogin)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(FreePort.AnyPort);
        var app = builder.Build();
        app.UseWebSockets();
        app.MapPost("/oauth2/token", () => Results.Text(
            """{"return_code":0,"return_msg":"ok","token":"t","token_type":"bearer","expires_dt":"20991231235959"}""", "application/json"));
        app.MapPost("/oauth2/revoke", () => Results.Text("""{"return_code":0,"return_msg":"ok"}""", "application/json"));
        app.Map("/api/dostk/websocket", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[4096];
            await socket.ReceiveAsync(buffer, context.RequestAborted);
            await SendAsync(socket, """{"trnm":"LOGIN","return_code":0,"return_msg":"ok"}""");
            await afterLogin(socket);
            while (!context.RequestAborted.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close) break;
            }
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return new ScriptedKiwoom(app, address);
    }

    /// <summary>The bridge (grains replaced by <paramref name="grains"/>) collecting 005930 from this stand-in.</summary>
    public IHost Bridge(IGrainFactory grains) => new HostBuilder()
        .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gslts:Kiwoom:BaseUrl"] = Address.ToString(),
            ["Gslts:Kiwoom:AppKey"] = "k",
            ["Gslts:Kiwoom:SecretKey"] = "s",
            ["Gslts:Kiwoom:Ranking:Enabled"] = "false",
            ["Gslts:Kiwoom:Codes:0"] = "005930",
            ["Gslts:Kiwoom:LoadStockMaster"] = "false",
            ["Gslts:Kiwoom:LoadDailyHistory"] = "false",
        }))
        .ConfigureServices((context, services) => services.AddSingleton(grains).AddKiwoomBridge(context.Configuration))
        .Build();

    /// <summary>One whole text message.</summary>
    public static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

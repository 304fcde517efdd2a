using System.Net.WebSockets;
using System.Text;
using Gslts.KiwoomBridge.Realtime;
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

public sealed class BridgeHardeningTests
{
    [Theory]
    [InlineData("https://api.kiwoom.com", "wss://api.kiwoom.com:10000/api/dostk/websocket")]
    [InlineData("https://mockapi.kiwoom.com", "wss://mockapi.kiwoom.com:10000/api/dostk/websocket")]
    [InlineData("http://localhost:5100", "ws://localhost:5100/api/dostk/websocket")]
    public void The_websocket_address_follows_the_rest_host_on_kiwoom_port_10000(string baseUrl, string expected)
    {
        Assert.Equal(new Uri(expected), new KiwoomOptions { BaseUrl = baseUrl }.WebSocketUri);
    }

    [Fact]
    public async Task A_frame_that_is_not_JSON_is_skipped_without_dropping_the_connection()
    {
        await using var server = await ScriptedServer.StartAsync();
        var grains = RecordingGrains.Create();
        using var host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Gslts:Kiwoom:BaseUrl"] = server.Address.ToString(),
                ["Gslts:Kiwoom:AppKey"] = "k",
                ["Gslts:Kiwoom:SecretKey"] = "s",
                ["Gslts:Kiwoom:Codes:0"] = "005930",
                ["Gslts:Kiwoom:LoadStockMaster"] = "false",
            }))
            .ConfigureServices((context, services) => services.AddSingleton(grains.Factory).AddKiwoomBridge(context.Configuration))
            .Build();
        await host.StartAsync();
        var feed = host.Services.GetRequiredService<FeedStatus>();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!grains.Recorder.Stocks.ContainsKey("005930") && DateTime.UtcNow < deadline) await Task.Delay(50);
        await host.StopAsync();

        Assert.Single(grains.Recorder.Stocks["005930"].Ticks);
        Assert.Equal((1L, 0L), (feed.Rejected, feed.Reconnects));
    }

    /// <summary>A Kiwoom stand-in that issues a token, accepts LOGIN, then sends one garbage frame and one trade.</summary>
    private sealed class ScriptedServer(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public static async Task<ScriptedServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
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
                await Send(socket, """{"trnm":"LOGIN","return_code":0,"return_msg":"ok"}""");
                await Send(socket, "this is not json");
                await Send(socket, """{"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{"20":"090001","10":"+70200","11":"+200","15":"+3","13":"3"}}]}""");
                while (!context.RequestAborted.IsCancellationRequested && socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                    if (result.MessageType == WebSocketMessageType.Close) break;
                }
            });
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            return new ScriptedServer(app, address);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        private static Task Send(WebSocket socket, string text) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
    }
}

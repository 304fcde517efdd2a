using Gslts.KiwoomBridge.Realtime;
using Microsoft.Extensions.DependencyInjection;

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
        await using var server = await ScriptedKiwoom.StartAsync(async socket =>
        {
            await ScriptedKiwoom.SendAsync(socket, "this is not json");
            await ScriptedKiwoom.SendAsync(socket, """{"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{"20":"090001","10":"+70200","11":"+200","15":"+3","13":"3"}}]}""");
        });
        var grains = RecordingGrains.Create();
        using var host = server.Bridge(grains.Factory);
        await host.StartAsync();
        var feed = host.Services.GetRequiredService<FeedStatus>();

        await Poll.Until(() => grains.Recorder.Stocks.TryGetValue("005930", out var stock) && stock.Ticks.Count > 0, TimeSpan.FromSeconds(20));
        await host.StopAsync();

        Assert.Single(grains.Recorder.Stocks["005930"].Ticks);
        Assert.Equal((1L, 0L), (feed.Rejected, feed.Reconnects));
    }
}

using System.Net.WebSockets;
using System.Text;
using Gslts.KiwoomBridge.Feeding;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.KiwoomBridge.Tests;

public sealed class ArrivalStampTests
{
    private static readonly TimeSpan SecondHalfLater = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task A_trades_latency_counts_from_the_first_bytes_of_its_frame_not_from_the_last()
    {
        var frame = Encoding.UTF8.GetBytes(
            """{"trnm":"REAL","data":[{"type":"0B","item":"005930","values":{"20":"090001","10":"+70200","11":"+200","15":"+3","13":"3"}}]}""");
        // A slow frame: its first bytes come, its rest half a second later.
        await using var server = await ScriptedKiwoom.StartAsync(async socket =>
        {
            await socket.SendAsync(frame.AsMemory(0, 30), WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
            await Task.Delay(SecondHalfLater);
            await socket.SendAsync(frame.AsMemory(30), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        });
        var grains = RecordingGrains.Create();
        using var host = server.Bridge(grains.Factory);
        await host.StartAsync();
        var feeder = host.Services.GetRequiredService<TickFeeder>();

        var applied = await Poll.Until(() => feeder.Latency.Count == 1, TimeSpan.FromSeconds(20));
        await host.StopAsync();

        Assert.True(applied, "the trade reached its grain");
        // The client may see the first bytes a little after they were sent: a margin below the half second.
        Assert.InRange(feeder.Latency.Percentile(1.0), (long)SecondHalfLater.TotalMilliseconds - 100, 10_000);
        Assert.InRange(feeder.Queueing.Percentile(1.0), (long)SecondHalfLater.TotalMilliseconds - 100, 10_000);
    }
}

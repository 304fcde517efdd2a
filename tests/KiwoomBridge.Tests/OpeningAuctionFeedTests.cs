using Gslts.KiwoomBridge.Feeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>The bridge logged in before 09:00: the opening auction's prints come over the socket like any trade.</summary>
public sealed class OpeningAuctionFeedTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private readonly (IGrainFactory Factory, RecordingGrains Recorder) grains = RecordingGrains.Create();
    private IHost host = null!;

    public async Task InitializeAsync() => (host, _) = await BridgeAgainstSimTests.StartAsync(logs, grains.Factory, "08:59:57");

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Each_stocks_first_trade_is_its_opening_print_received_live_not_read_back_from_the_tape()
    {
        await BridgeAgainstSimTests.Until(() => KiwoomOptions.DefaultCodes.All(c => grains.Recorder.Stocks.TryGetValue(c, out var g) && g.Ticks.Count >= 2));

        foreach (var code in KiwoomOptions.DefaultCodes)
        {
            var opening = grains.Recorder.Stocks[code].Ticks[0];
            Assert.Equal(opening.CumulativeVolume, Math.Abs(opening.Quantity));
            Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(opening.Time.ToOffset(TimeSpan.FromHours(9)).DateTime));
        }

        Assert.Equal(0, host.Services.GetRequiredService<TickFeeder>().Backfilled);
    }
}

using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge;
using Gslts.KiwoomBridge.Feeding;
using Gslts.KiwoomBridge.Realtime;
using Gslts.KiwoomSim.Hosting;
using Gslts.KiwoomSim.Market;
using Gslts.Krx;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.Silo.Tests.EndToEnd;

public sealed class ExactlyOnceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_trade_the_sim_printed_reaches_the_stock_grains_exactly_once_across_dropped_sockets_and_an_expired_token()
    {
        // The day's last minutes at 40x: continuous trading for 10 s, then the closing auction, the close, and a still tape.
        await using var host = await TestHost.StartAsync(
            "--Gslts:Sim:StartTime=15:13:00", "--Gslts:Sim:Speed=40", "--Gslts:Sim:TradesPerSecond=100", "--Gslts:Kiwoom:LoadStockMaster=false");
        var services = host.App.Services;
        var feed = services.GetRequiredService<FeedStatus>();
        var market = services.GetRequiredService<SimMarket>();
        using var sim = new HttpClient { BaseAddress = await services.GetRequiredService<KiwoomSimServer>().BaseAddress };

        await Until(() => feed.IsLoggedIn && feed.TicksReceived > 100);
        (await sim.PostAsync("/sim/faults/drop-sockets", null)).EnsureSuccessStatusCode();
        await Until(() => feed.Reconnects >= 1 && feed.IsLoggedIn);
        // Trades flow again on the new connection before the next fault.
        var afterReconnect = feed.TicksReceived;
        await Until(() => feed.TicksReceived > afterReconnect + 20);
        (await sim.PostAsync("/sim/faults/expire-tokens", null)).EnsureSuccessStatusCode();
        (await sim.PostAsync("/sim/faults/drop-sockets", null)).EnsureSuccessStatusCode();
        await Until(() => feed.Reconnects >= 2 && feed.IsLoggedIn);
        Assert.Equal(MarketPhase.Continuous, market.Phase);
        await Until(() => market.Phase == MarketPhase.Closed);

        var grains = services.GetRequiredService<IGrainFactory>();
        var codes = KiwoomOptions.DefaultCodes;
        string[] mismatches = [];
        await Until(async () =>
        {
            var printed = market.Stats().Stocks;
            var seen = await Task.WhenAll(codes.Select(c => grains.GetGrain<IStockGrain>(c).GetSnapshot()));
            mismatches = [.. seen
                .Where(s => (s.TickCount, s.Volume, s.TradingValue) != (printed[s.Code].Trades, printed[s.Code].Volume, printed[s.Code].TradingValue))
                .Select(s => $"{s.Code}: grain {s.TickCount} trades/{s.Volume}, sim {printed[s.Code].Trades}/{printed[s.Code].Volume}")];
            return mismatches.Length == 0;
        }, () => string.Join("; ", mismatches));

        var feeder = services.GetRequiredService<TickFeeder>();
        Assert.True(feeder.Backfilled > 0, "trades printed while the socket was down came from the tape");
        Assert.Equal(0, feeder.SkippedVolume);
    }

    private static Task Until(Func<bool> condition) => Until(() => Task.FromResult(condition()), () => "");

    private static async Task Until(Func<Task<bool>> condition, Func<string> state)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"not there in {Patience}: {state()}");
            await Task.Delay(200);
        }
    }
}

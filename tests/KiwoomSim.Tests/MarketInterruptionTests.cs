using System.Text.Json;
using Gslts.KiwoomSim.Market;

namespace Gslts.KiwoomSim.Tests;

public sealed class MarketInterruptionTests
{
    /// <summary>Thresholds tight enough that the flow's own wandering sets VIs off within minutes.</summary>
    private static readonly ViOptions Tight = new() { StaticPercent = 0.6m, DynamicPercent = 0.6m, DynamicPercentKospi200 = 0.6m };

    [Fact]
    public void A_stock_in_a_VI_prints_nothing_for_two_minutes_then_opens_again_at_one_price()
    {
        var market = new SimMarket(MarketUniverse.LargeCaps, seed: 5, vi: Tight);
        var (trades, releases, vis) = (new List<SimTrade>(), new List<SimTrade>(), new List<ViEvent>());
        market.Tick(MarketPhase.Continuous, new TimeOnly(9, 0), 0);
        for (var t = new TimeOnly(9, 0, 5); t < new TimeOnly(9, 30); t = t.Add(TimeSpan.FromSeconds(5)))
        {
            // A tick without order flow only ends the VIs that are due: its trades are their single prices.
            var due = market.Tick(MarketPhase.Continuous, t, 0);
            var tick = market.Tick(MarketPhase.Continuous, t, 300);
            releases.AddRange(due.Trades);
            trades.AddRange(due.Trades.Concat(tick.Trades));
            vis.AddRange(due.Interruptions.Concat(tick.Interruptions));
        }

        var first = vis.First(v => !v.Released && vis.Any(r => r.Released && r.Listing == v.Listing && r.TriggeredAt == v.TriggeredAt));
        var release = vis.First(r => r.Released && r.Listing == first.Listing && r.TriggeredAt == first.TriggeredAt);
        var own = trades.Where(t => t.Code == first.Listing.Code).ToList();

        Assert.Equal(first.TriggeredAt.Add(TimeSpan.FromMinutes(2)), first.ReleaseAt);
        Assert.InRange(release.ReleaseAt, first.ReleaseAt, first.ReleaseAt.Add(TimeSpan.FromSeconds(5)));
        Assert.DoesNotContain(own, t => t.Time > first.TriggeredAt && t.Time < release.ReleaseAt);
        var single = releases.Where(t => t.Code == first.Listing.Code && t.Time == release.ReleaseAt).ToList();
        Assert.NotEmpty(single);
        Assert.Single(single.Select(t => t.Price).Distinct());
        Assert.Equal(1, first.Count);
    }

    [Fact]
    public void A_VI_still_running_at_the_closing_auction_is_released_into_it()
    {
        var market = new SimMarket(MarketUniverse.LargeCaps, seed: 5, vi: Tight);
        market.Tick(MarketPhase.Continuous, new TimeOnly(15, 0), 0);
        var t = new TimeOnly(15, 0, 5);
        while (market.Interrupted().Count == 0 && t < new TimeOnly(15, 19, 55))
        {
            market.Tick(MarketPhase.Continuous, t, 300);
            t = t.Add(TimeSpan.FromSeconds(5));
        }

        var halted = market.Interrupted();
        var tick = market.Tick(MarketPhase.ClosingAuction, new TimeOnly(15, 20), 0);

        Assert.NotEmpty(halted);
        Assert.Empty(market.Interrupted());
        Assert.All(halted, code => Assert.Contains(tick.Interruptions, v => v.Released && v.Listing.Code == code));
    }
}

public sealed class InterruptionProtocolTests
{
    [Fact]
    public async Task A_session_that_registered_1h_hears_each_VI_set_off_and_released()
    {
        await using var sim = await SimHost.StartAsync(("Gslts:Sim:Vi:StaticPercent", "0.3"), ("Gslts:Sim:Vi:DynamicPercent", "0.3"),
            ("Gslts:Sim:Vi:DynamicPercentKospi200", "0.3"), ("Gslts:Sim:Vi:Duration", "00:00:02"));
        await using var socket = await SimSocket.ConnectAsync(sim.WebSocket);
        await socket.SendAsync($$"""{"trnm":"LOGIN","token":"{{await sim.TokenAsync()}}"}""");
        await socket.ReceiveUntilAsync("LOGIN");

        await socket.SendAsync("""{"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":[""],"type":["1h"]}]}""");
        var (answer, _) = await socket.ReceiveUntilAsync("REG");
        var (triggered, _) = await socket.ReceiveUntilAsync("REAL", f => Vi(f).Any(v => v.GetProperty("9068").GetString() == "1"));
        var vi = Vi(triggered).First(v => v.GetProperty("9068").GetString() == "1");
        var code = vi.GetProperty("9001").GetString();
        var (released, _) = await socket.ReceiveUntilAsync("REAL",
            f => Vi(f).Any(v => v.GetProperty("9068").GetString() == "2" && v.GetProperty("9001").GetString() == code));

        Assert.Equal(0, answer.GetProperty("return_code").GetInt32());
        Assert.Equal("1h", triggered.GetProperty("data")[0].GetProperty("type").GetString());
        Assert.Matches("^(정적|동적|동적\\+정적)$", vi.GetProperty("1225").GetString());
        Assert.Matches(@"^[+-]\d+\.\d\d$", vi.GetProperty("1489").GetString());
        Assert.NotNull(released.GetProperty("data")[0].GetProperty("values").GetProperty("1224").GetString());
    }

    private static IEnumerable<JsonElement> Vi(JsonElement frame) =>
        frame.GetProperty("data").EnumerateArray().Where(i => i.GetProperty("type").GetString() == "1h").Select(i => i.GetProperty("values"));
}

using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Streams;
using Gslts.Grains.Tests.Stocks;
using Orleans.Streams;

namespace Gslts.Grains.Tests.Ranking;

/// <summary>The market's ranking is one per cluster: the pipeline test uses a trading day later than any other test's.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RankingGrainTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    [Fact]
    public async Task Stock_grains_report_through_their_silos_reporter_and_the_ranking_lists_them_by_trading_value_within_seconds()
    {
        var day = new DateOnly(2040, 1, 9);
        var small = new Trades("900201", basePrice: 10_000, day);
        var big = new Trades("900202", basePrice: 50_000, day);
        var ranking = fixture.Grains.GetGrain<IRankingGrain>(IRankingGrain.Krx);
        var published = new TaskCompletionSource<TopList>(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await fixture.Client.GetStreamProvider(StreamNames.Provider).GetStream<TopList>(StreamNames.ForRanking(IRankingGrain.All))
            .SubscribeAsync((top, _) =>
            {
                if (top.TradingDate == day && top.Stocks.Count == 2) published.TrySetResult(top);
                return Task.CompletedTask;
            });

        await fixture.Grains.GetGrain<IStockGrain>("900201").Feed([small.At("090000", 10_000, 10)], null);
        await fixture.Grains.GetGrain<IStockGrain>("900202").Feed([big.At("090001", 50_000, 10)], null);

        var pushed = await published.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var top = await ranking.Top(IRankingGrain.All, 10);
        Assert.Equal(["900202", "900201"], pushed.Stocks.Select(s => s.Code));
        Assert.Equal((500_000L, 100_000L), (top.Stocks[0].TradingValue, top.Stocks[1].TradingValue));
        await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task The_market_wide_top_is_stored_at_every_ten_minute_mark_the_market_passes_once()
    {
        var day = new DateOnly(2030, 2, 4);
        // A ranking of its own: the market's one is fed by every other test's stock grains.
        var ranking = fixture.Grains.GetGrain<IRankingGrain>("snapshot-test");
        StockTrading At(int h, int m, long value) =>
            new("900210", day, "테스트", "KOSPI", "반도체", 10_000, 0m, value / 10_000, value, new DateTimeOffset(day.ToDateTime(new TimeOnly(h, m)), Kst));

        await ranking.Report([At(9, 5, 1_000_000)]);
        await ranking.Report([At(9, 10, 2_000_000)]);
        await ranking.Report([At(9, 15, 3_000_000)]);
        await ranking.Report([At(9, 31, 4_000_000)]);

        var snapshots = await ranking.Snapshots(day);
        Assert.Equal([new TimeOnly(9, 10), new TimeOnly(9, 30)], snapshots.Select(s => TimeOnly.FromDateTime(s.AsOf!.Value.ToOffset(Kst).DateTime)));
        Assert.Equal([2_000_000L, 4_000_000L], snapshots.Select(s => s.Stocks.Single().TradingValue));
        Assert.Empty(await ranking.Snapshots(day.AddDays(-1)));
    }

    [Fact]
    public async Task The_ranking_hands_each_korean_sector_its_members_figures()
    {
        var day = new DateOnly(2030, 3, 4);
        // A ranking of its own, so the market's day is not moved; the sector grain is the map's "정유".
        var ranking = fixture.Grains.GetGrain<IRankingGrain>("sector-test");
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 1)), Kst);

        await ranking.Report([new("010950", day, "S-Oil", "KOSPI", "석유화학", 80_000, 2m, 10, 800_000, at), new("900220", day, "정유주", "KOSDAQ", "정유", 8_000, -1m, 10, 80_000, at)]);

        var sector = fixture.Grains.GetGrain<Gslts.Grains.Interfaces.Sectors.IKrSectorGrain>("정유");
        var summary = await sector.GetSummary();
        for (var deadline = DateTime.UtcNow.AddSeconds(10); summary.Date != day && DateTime.UtcNow < deadline; summary = await sector.GetSummary()) await Task.Delay(100);
        Assert.Equal((day, 2, 880_000L, 1, 1), (summary.Date, summary.MemberCount, summary.TotalTradingValue, summary.Advancers, summary.Decliners));
    }
}

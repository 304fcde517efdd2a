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
    public async Task Every_scope_streams_its_own_top_list_merged_from_live_reports_and_the_exchange_ranking()
    {
        // Earlier than any other test's day: the sector grains this ranking feeds keep a later day another test gave them.
        var day = new DateOnly(2021, 3, 2);
        // A ranking of its own; streams are named by scope alone, so what is heard is told apart by the trading day.
        var ranking = fixture.Grains.GetGrain<IRankingGrain>("scope-test");
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 30)), Kst);
        var heard = new System.Collections.Concurrent.ConcurrentDictionary<string, TopList>();
        var subscriptions = new List<StreamSubscriptionHandle<TopList>>();
        foreach (var scope in new[] { IRankingGrain.All, "KOSPI", "KOSDAQ", "정유" })
        {
            subscriptions.Add(await fixture.Client.GetStreamProvider(StreamNames.Provider).GetStream<TopList>(StreamNames.ForRanking(scope))
                .SubscribeAsync((top, _) =>
                {
                    if (top.TradingDate == day) heard[top.Scope] = top;
                    return Task.CompletedTask;
                }));
        }

        await ranking.Report([new("900230", day, "라이브정유", "KOSDAQ", "정유", 5_000, 1m, 100, 500_000_000, at)]);
        await ranking.ReportExchange(new ExchangeRanking(at.AddMinutes(1), [
            new ExchangeRow("900231", "거래소정유", "KOSDAQ", "정유", 9_000, 2m, 100, 900_000_000),
            new ExchangeRow("900232", "거래소화학", "KOSPI", "석유화학", 4_000, -1m, 100, 400_000_000),
        ]));

        Assert.True(await Poll.Until(() => heard.TryGetValue("정유", out var oil) && oil.Stocks.Count == 2 && heard.ContainsKey("KOSPI")
            && heard.TryGetValue(IRankingGrain.All, out var all) && all.Stocks.Count == 3 && heard.ContainsKey("KOSDAQ"), TimeSpan.FromSeconds(10)),
            $"heard: {string.Join(", ", heard.Keys)}");
        Assert.Equal([("900231", false), ("900230", true)], heard["정유"].Stocks.Select(s => (s.Code, s.Live)));
        Assert.Equal(["900231", "900230"], heard["KOSDAQ"].Stocks.Select(s => s.Code));
        Assert.Equal(["900232"], heard["KOSPI"].Stocks.Select(s => s.Code));
        Assert.Equal(["900231", "900230", "900232"], heard[IRankingGrain.All].Stocks.Select(s => s.Code));
        Assert.All(heard.Values, top => Assert.Equal(at.AddMinutes(1), top.ExchangeAsOf));
        foreach (var subscription in subscriptions) await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task The_ten_minute_snapshot_holds_the_exchange_rows_beside_the_live_ones()
    {
        var day = new DateOnly(2030, 6, 3);
        var ranking = fixture.Grains.GetGrain<IRankingGrain>("merged-snapshot-test");
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 5)), Kst);

        // Sectors outside the map: no sector grain hears of this ranking.
        await ranking.Report([new("900240", day, "라이브", "KOSPI", "기타", 10_000, 0m, 10, 100_000_000, at)]);
        await ranking.ReportExchange(new ExchangeRanking(at.AddMinutes(5), [new ExchangeRow("900241", "거래소", "KOSDAQ", "기타", 9_000, 0m, 10, 200_000_000)]));

        var snapshot = Assert.Single(await ranking.Snapshots(day));
        Assert.Equal([("900241", false), ("900240", true)], snapshot.Stocks.Select(s => (s.Code, s.Live)));
        Assert.Equal((at.AddMinutes(5), at.AddMinutes(5)), (snapshot.AsOf, snapshot.ExchangeAsOf));
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

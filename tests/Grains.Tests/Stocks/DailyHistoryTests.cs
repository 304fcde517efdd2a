using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Stocks;

namespace Gslts.Grains.Tests.Stocks;

[Collection(ClusterCollection.Name)]
public sealed class DailyHistoryTests(ClusterFixture fixture)
{
    private static DailyBar Bar(int day, long close) => new(new DateOnly(2026, 1, 1).AddDays(day), close, close, close, close, 10, close * 10);

    [Fact]
    public void Bars_merge_by_date_the_newer_answer_winning_oldest_first_and_a_year_kept()
    {
        var held = Enumerable.Range(0, 250).Select(d => Bar(d, 1_000)).ToArray();

        var merged = DailyHistory.Merge(held, [Bar(249, 2_000), Bar(250, 3_000), Bar(251, 0)]);

        Assert.Equal(DailyHistory.Kept, merged.Length);
        Assert.Equal((Bar(1, 1_000).Date, 2_000L, 3_000L), (merged[0].Date, merged[^2].Close, merged[^1].Close));
    }

    [Fact]
    public async Task A_stocks_daily_bars_are_kept_across_a_reactivation()
    {
        var grain = fixture.Grains.GetGrain<IStockGrain>("900301");
        await grain.SetDailyHistory([Bar(2, 1_100), Bar(1, 1_000)]);

        await Reactivation.Force(fixture);
        var bars = await grain.GetDailyHistory();
        for (var deadline = DateTime.UtcNow.AddSeconds(10); bars.Length == 0 && DateTime.UtcNow < deadline; bars = await grain.GetDailyHistory()) await Task.Delay(50);

        Assert.Equal([1_000L, 1_100L], bars.Select(b => b.Close));
    }
}

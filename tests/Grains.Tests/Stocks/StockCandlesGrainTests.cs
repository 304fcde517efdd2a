using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Tests.Stocks;

[Collection(ClusterCollection.Name)]
public sealed class StockCandlesGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public async Task Fed_trades_build_minute_candles_recent_trades_and_the_snapshots_day_figures()
    {
        const string code = "900101";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);

        await grain.Feed([trades.At("090000", 10_000, 5), trades.At("090030", 10_100, -5)], null);
        await grain.Feed([trades.At("090105", 10_050, 2)], null);

        var candles = await grain.GetMinuteCandles();
        Assert.Equal([(10_000L, 10_100L, 10L), (10_050L, 10_050L, 2L)], candles.Select(c => (c.Open, c.Close, c.Volume)));
        Assert.Equal([10_000L, 10_100L, 10_050L], (await grain.GetRecentTrades(10)).Select(t => t.Price));
        var snapshot = await grain.GetSnapshot();
        Assert.Equal((140m, QuarterLines.From(10_100, 10_000, 10_000)), (snapshot.Strength, snapshot.Quarters));
        Assert.Equal(candles[^1], snapshot.Minute);
    }

    [Fact]
    public async Task A_replayed_batch_adds_nothing_to_the_candles_and_a_trade_after_a_gap_waits()
    {
        const string code = "900102";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        var batch = new[] { trades.At("090000", 10_000, 5) };

        await grain.Feed(batch, null);
        await grain.Feed(batch, null);
        trades.Missed(3);
        await grain.Feed([trades.At("090001", 10_010, 1)], null);

        Assert.Equal(5, Assert.Single(await grain.GetMinuteCandles()).Volume);
        Assert.Single(await grain.GetRecentTrades(10));
    }

    [Fact]
    public async Task After_a_deactivation_the_days_candles_come_back_with_it()
    {
        const string code = "900103";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        await grain.Feed([trades.At("090000", 10_000, 5), trades.At("090130", 10_200, 1)], null);
        var before = await grain.GetMinuteCandles();

        await Reactivation.Force(fixture);
        var after = await Eventually(async () => await grain.GetMinuteCandles(), c => c.Length == before.Length);

        Assert.Equal(before, after);
        Assert.Equal(6, (await grain.GetSnapshot()).Volume);
        // Candles go on from there without counting anything twice.
        await grain.Feed([trades.At("090131", 10_300, 2)], null);
        Assert.Equal(3, (await grain.GetMinuteCandles())[^1].Volume);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(50);
        }
    }
}

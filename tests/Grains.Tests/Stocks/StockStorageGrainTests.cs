using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Tests.Stocks;

/// <summary>What a stock grain writes to its silo's store, and what a re-activation gets back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StockStorageGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public async Task After_a_reactivation_the_candles_are_exactly_those_of_the_stored_day_the_minute_still_forming_too()
    {
        const string code = "900104";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        await grain.Feed([trades.At("090000", 10_000, 5)], null);
        await StoredAsync(grain, 5);
        // Later trades of the same minute: stored with the day, so the restored candle must have them as well.
        await grain.Feed([trades.At("090030", 10_100, 3), trades.At("090045", 10_050, -2)], null);
        await StoredAsync(grain, 10);
        var before = await grain.GetMinuteCandles();

        await Reactivation.Force(fixture);

        Assert.Equal(before, await grain.GetMinuteCandles());
        Assert.Equal((10L, 10L), (Assert.Single(before).Volume, (await grain.GetSnapshot()).Volume));
    }

    [Fact]
    public async Task A_write_late_in_the_day_carries_the_minutes_that_changed_not_the_whole_day()
    {
        const string code = "900105";
        var trades = new Trades(code, basePrice: 10_000, Monday);
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        var nine = new TimeOnly(9, 0);
        await grain.Feed([.. Enumerable.Range(0, 300).Select(m => trades.At(nine.AddMinutes(m).ToString("HHmmss"), 10_000 + m % 5 * 10, 1))], null);
        await StoredAsync(grain, 300);

        await grain.Feed([trades.At("140000", 10_020, 2)], null);
        await StoredAsync(grain, 302);

        var last = fixture.SiloService<MemoryStockStore>().Written(code)[^1];
        Assert.Equal([(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.FromHours(9)), 2L)], last.Candles.Select(c => (c.Start, c.Volume)));
        Assert.Equal(302, last.Day.Volume);
        var before = await grain.GetMinuteCandles();
        await Reactivation.Force(fixture);
        Assert.Equal(301, before.Length);
        Assert.Equal(before, await grain.GetMinuteCandles());
    }

    /// <summary>Waits until the grain says the day is stored through <paramref name="volume"/> (the feed's receipt).</summary>
    private static async Task StoredAsync(IStockGrain grain, long volume)
    {
        var receipt = await Poll.Until(() => grain.Feed([], null), r => r.Persisted >= volume, TimeSpan.FromSeconds(10), everyMs: 50);
        Assert.Equal(volume, receipt.Persisted);
    }

    [Fact]
    public async Task A_listing_is_taken_at_once_and_stored_with_the_next_write_even_while_storage_is_slow()
    {
        const string code = "900010";
        var listing = new StockListing(code, "느린저장", "KOSPI", "반도체", 10_000);
        var grain = fixture.Grains.GetGrain<IStockGrain>(code);
        var gate = fixture.SiloService<StorageGate>();
        gate.Close(code);
        try
        {
            // The stock master loads thousands of listings: none of them may wait for a commit.
            await grain.SetListing(listing).WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal("느린저장", (await grain.GetSnapshot()).Name);
        }
        finally
        {
            gate.Open();
        }

        var store = fixture.SiloService<MemoryStockStore>();
        Assert.True(await Poll.Until(() => store.Written(code).Any(w => w.ListingChanged && w.Day.Listing == listing), TimeSpan.FromSeconds(10)),
            "the listing was never stored");
    }
}

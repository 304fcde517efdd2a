using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Stocks;

namespace Gslts.Grains.Tests.Stocks;

public sealed class MinuteCandlesTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void Trades_of_one_minute_make_one_candle_and_the_next_minute_starts_another()
    {
        var trades = new Trades("005930", basePrice: 70_000, Monday);
        var candles = new MinuteCandles();

        foreach (var tick in new[] { trades.At("090001", 70_100, 3), trades.At("090030", 70_400, -2), trades.At("090059", 69_900, 5), trades.At("090100", 70_000, 1) })
        {
            candles.Add(Monday, tick);
        }

        var first = candles.All[0];
        Assert.Equal(2, candles.All.Count);
        Assert.Equal((new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(9)), 70_100L, 70_400L, 69_900L, 69_900L, 10L),
            (first.Start, first.Open, first.High, first.Low, first.Close, first.Volume));
        Assert.Equal(70_100L * 3 + 70_400 * 2 + 69_900 * 5, first.TradingValue);
        Assert.Equal((70_000L, 1L), (candles.All[1].Open, candles.All[1].Volume));
        Assert.Equal(11, candles.ThroughVolume);
    }

    [Fact]
    public void A_late_trade_joins_its_own_minute_without_moving_that_minutes_close()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var candles = new MinuteCandles();
        candles.Add(Monday, trades.At("090010", 10_000, 1));
        candles.Add(Monday, trades.At("090110", 10_050, 1));

        candles.Add(Monday, trades.At("090050", 9_950, 2));

        Assert.Equal((9_950L, 10_000L, 3L), (candles.All[0].Low, candles.All[0].Close, candles.All[0].Volume));
        Assert.Equal(10_050, candles.All[1].Close);
    }

    [Fact]
    public void A_trade_already_covered_is_not_counted_twice_and_a_new_day_starts_afresh()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var candles = new MinuteCandles();
        var first = trades.At("090000", 10_000, 4);
        candles.Add(Monday, first);
        candles.Add(Monday, first);
        var tuesday = Monday.AddDays(1);

        Assert.Equal(4, candles.All[0].Volume);
        candles.Add(tuesday, new Trades("005930", 10_000, tuesday).At("090000", 10_100, 2));
        Assert.Equal((tuesday, 1, 2L), (candles.Date, candles.All.Count, candles.ThroughVolume));
    }

    [Fact]
    public void Restored_candles_take_only_trades_past_the_volume_they_cover()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var before = new MinuteCandles();
        var early = new[] { trades.At("090000", 10_000, 3), trades.At("090001", 10_010, 2) };
        foreach (var tick in early) before.Add(Monday, tick);
        var restored = new MinuteCandles();
        restored.Restore(Monday, before.All, before.ThroughVolume);

        // A replay gives the same trades again, then a new one.
        foreach (var tick in early.Append(trades.At("090002", 10_020, 1))) restored.Add(Monday, tick);

        Assert.Equal((6L, 10_020L), (restored.All[0].Volume, restored.All[0].Close));
    }

    [Fact]
    public void Once_stored_only_the_minutes_that_changed_since_are_unstored()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var candles = new MinuteCandles();
        for (var minute = 0; minute < 300; minute++) candles.Add(Monday, trades.At(Minute(minute, 10), 10_000, 1));
        Assert.Equal(300, candles.Unstored().Length);
        candles.MarkStored();

        candles.Add(Monday, trades.At(Minute(299, 40), 10_010, 2));
        candles.Add(Monday, trades.At(Minute(300, 5), 10_020, 3));

        Assert.Equal([(Minute(299, 0), 3L), (Minute(300, 0), 3L)], candles.Unstored().Select(c => (c.Start.ToString("HHmmss"), c.Volume)));
        candles.MarkStored();
        Assert.Empty(candles.Unstored());
    }

    [Fact]
    public void A_late_trade_into_a_stored_minute_makes_that_minute_unstored_again()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var candles = new MinuteCandles();
        foreach (var time in new[] { "090010", "090110", "090210" }) candles.Add(Monday, trades.At(time, 10_000, 1));
        candles.Unstored();
        candles.MarkStored();

        candles.Add(Monday, trades.At("090050", 9_990, 4));

        Assert.Equal(["090000", "090100", "090200"], candles.Unstored().Select(c => c.Start.ToString("HHmmss")));
    }

    [Fact]
    public void A_minute_that_changed_while_its_write_was_under_way_stays_unstored()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var candles = new MinuteCandles();
        candles.Add(Monday, trades.At("090010", 10_000, 1));
        candles.Add(Monday, trades.At("090110", 10_000, 1));

        var written = candles.Unstored();
        candles.Add(Monday, trades.At("090120", 10_010, 5));
        candles.Add(Monday, trades.At("090201", 10_020, 1));
        candles.MarkStored();

        Assert.Equal(2, written.Length);
        Assert.Equal([("090100", 6L), ("090200", 1L)], candles.Unstored().Select(c => (c.Start.ToString("HHmmss"), c.Volume)));
    }

    [Fact]
    public void A_new_day_is_unstored_even_when_a_write_of_the_day_before_completes_after_it_began()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var tuesday = new Trades("005930", basePrice: 10_000, Monday.AddDays(1));
        var candles = new MinuteCandles();
        candles.Add(Monday, trades.At("090010", 10_000, 1));
        candles.Unstored();

        candles.Add(Monday.AddDays(1), tuesday.At("090010", 10_100, 2));
        candles.MarkStored();

        Assert.Equal([10_100L], candles.Unstored().Select(c => c.Open));
    }

    [Fact]
    public void Restored_candles_are_stored_already()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var candles = new MinuteCandles();
        candles.Restore(Monday, [new Candle(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(9)), 10_000, 10_000, 10_000, 10_000, 1, 10_000)], 1);

        Assert.Empty(candles.Unstored());
        candles.Add(Monday, trades.At("090001", 10_000, 1));
        candles.Add(Monday, trades.At("090002", 10_000, 1));
        Assert.Equal([2L], candles.Unstored().Select(c => c.Volume));
    }

    private static string Minute(int afterNine, int second) => new TimeOnly(9, 0).AddMinutes(afterNine).Add(TimeSpan.FromSeconds(second)).ToString("HHmmss");
}

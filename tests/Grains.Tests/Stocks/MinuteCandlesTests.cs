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
    public void Closed_candles_are_those_before_the_current_minute()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var candles = new MinuteCandles();
        candles.Add(Monday, trades.At("090000", 10_000, 1));
        candles.Add(Monday, trades.At("090100", 10_000, 1));
        var kst = TimeSpan.FromHours(9);

        Assert.Equal(1, candles.ClosedBefore(new DateTimeOffset(2026, 11, 23, 9, 1, 30, kst)));
        Assert.Equal(2, candles.ClosedBefore(new DateTimeOffset(2026, 11, 23, 9, 2, 0, kst)));
    }
}

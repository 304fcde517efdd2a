using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Stocks;

namespace Gslts.Grains.Tests.Stocks;

public sealed class DayFiguresTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public void Quarter_lines_split_the_days_range_into_quarters_from_the_low_and_keep_the_open()
    {
        var lines = QuarterLines.From(high: 72_000, low: 70_000, open: 70_500);

        Assert.Equal((72_000m, 71_500m, 71_000m, 70_500m, 70_000m, 70_500m),
            (lines.High, lines.ThreeQuarters, lines.Half, lines.Quarter, lines.Low, lines.Open));
    }

    [Fact]
    public void Quarter_lines_of_an_odd_range_are_exact_not_rounded_to_a_won()
    {
        var lines = QuarterLines.From(high: 1_003, low: 1_000, open: 1_001);

        Assert.Equal((1_002.25m, 1_001.5m, 1_000.75m), (lines.ThreeQuarters, lines.Half, lines.Quarter));
    }

    [Fact]
    public void Strength_is_buy_volume_over_sell_volume_times_a_hundred_and_vwap_weighs_prices_by_shares()
    {
        var trades = new Trades("005930", basePrice: 70_000, Monday);
        var day = StockDay.Apply(new StockDayState(), [trades.At("090000", 70_000, 30), trades.At("090001", 70_100, -20), trades.At("090002", 70_200, 10)]);

        var snapshot = StockDay.ToSnapshot("005930", day);

        Assert.Equal(200m, snapshot.Strength);
        // (70,000×30 + 70,100×20 + 70,200×10) / 60
        Assert.Equal(70_066.67m, snapshot.Vwap);
        Assert.Equal(QuarterLines.From(70_200, 70_000, 70_000), snapshot.Quarters);
    }

    [Fact]
    public void Strength_has_no_value_while_nothing_was_sold_and_vwap_leaves_skipped_volume_out()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var day = StockDay.Apply(new StockDayState(), [trades.At("090000", 10_000, 5)]);
        day = StockDay.Skip(day, Monday, throughVolume: 105);

        Assert.Null(StockDay.Strength(day));
        Assert.Equal(10_000m, StockDay.Vwap(day));
    }

    [Fact]
    public void Recent_trades_keep_the_newest_in_a_fixed_ring_and_tell_what_is_new_since_a_cursor()
    {
        var trades = new Trades("005930", basePrice: 10_000, Monday);
        var ring = new RecentTrades(capacity: 3);
        for (var i = 0; i < 5; i++) ring.Add(trades.At("090000", 10_000 + i * 10, 1));

        Assert.Equal([10_020L, 10_030L, 10_040L], ring.Latest(10).Select(t => t.Price));
        Assert.Equal([10_040L], ring.Latest(10, since: 4).Select(t => t.Price));
        Assert.Empty(ring.Latest(10, since: 5));
    }
}

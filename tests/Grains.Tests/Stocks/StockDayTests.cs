using Gslts.Grains.Stocks;

namespace Gslts.Grains.Tests.Stocks;

public sealed class StockDayTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private readonly Trades samsung = new("005930", basePrice: 70_000, Monday);

    [Fact]
    public void Trades_set_price_day_range_volume_and_trading_value()
    {
        var day = StockDay.Apply(new StockDayState(), [
            samsung.At("090000", 70_200, +100),
            samsung.At("090001", 70_500, -50),
            samsung.At("090002", 69_800, +10),
            samsung.At("090003", 70_100, -40),
        ]);

        Assert.Equal(Monday, day.TradingDate);
        Assert.Equal((70_200L, 70_500L, 69_800L, 70_100L), (day.Open, day.High, day.Low, day.Price));
        Assert.Equal(200, day.Volume);
        Assert.Equal(70_200L * 100 + 70_500L * 50 + 69_800L * 10 + 70_100L * 40, day.TradingValue);
        Assert.Equal(4, day.TickCount);
        Assert.Equal(70_000, day.BasePrice);
    }

    [Fact]
    public void Snapshot_change_rate_is_percent_of_the_base_price_rounded_to_two_decimals()
    {
        var day = StockDay.Apply(new StockDayState(), [samsung.At("090000", 71_200, 1)]);

        var snapshot = StockDay.ToSnapshot("005930", day);

        Assert.Equal(1_200, snapshot.Change);
        Assert.Equal(1.71m, snapshot.ChangeRate);
    }

    [Fact]
    public void Replayed_trades_are_recognised_by_their_cumulative_volume_and_not_counted_twice()
    {
        var first = samsung.At("090000", 70_200, 100);
        var second = samsung.At("090001", 70_300, 100);
        var day = StockDay.Apply(new StockDayState(), [first, second]);

        var replayed = StockDay.Apply(day, [first, second]);

        Assert.Same(day, replayed);
        Assert.Equal((200L, 2L), (replayed.Volume, replayed.TickCount));
    }

    [Fact]
    public void A_trade_after_a_gap_waits_until_the_missing_trades_arrive()
    {
        var first = samsung.At("090000", 70_200, 100);
        var missing = samsung.At("090001", 70_300, 30);
        var after = samsung.At("090002", 70_400, 20);
        var day = StockDay.Apply(new StockDayState(), [first, after]);

        Assert.Equal((100L, 1L, 70_200L), (day.Volume, day.TickCount, day.Price));

        var filled = StockDay.Apply(day, [missing, after]);

        Assert.Equal((150L, 3L, 70_400L), (filled.Volume, filled.TickCount, filled.Price));
    }

    [Fact]
    public void A_skipped_gap_is_counted_as_missed_and_later_trades_apply_again()
    {
        var day = StockDay.Apply(new StockDayState(), [samsung.At("090000", 70_200, 100)]);
        samsung.Missed(40);
        var after = samsung.At("090005", 70_500, 10);

        var skipped = StockDay.Skip(day, Monday, 140);
        var next = StockDay.Apply(skipped, [after]);

        Assert.Equal((150L, 40L, 2L), (next.Volume, next.MissedVolume, next.TickCount));
        Assert.Equal(70_200L * 100 + 70_500L * 10, next.TradingValue);
    }

    [Fact]
    public void A_trade_of_the_next_day_starts_a_fresh_day()
    {
        var day = StockDay.Apply(new StockDayState(), [samsung.At("150000", 72_000, 500)]);
        var tuesday = new Trades("005930", basePrice: 72_000, Monday.AddDays(1));

        var next = StockDay.Apply(day, [tuesday.At("090000", 71_000, 7)]);

        Assert.Equal(Monday.AddDays(1), next.TradingDate);
        Assert.Equal((71_000L, 71_000L, 71_000L), (next.Open, next.High, next.Low));
        Assert.Equal(7, next.Volume);
        Assert.Equal(72_000, next.BasePrice);
    }

    [Fact]
    public void The_listing_stays_with_the_stock_into_the_next_day_and_names_its_snapshot()
    {
        var listing = new Gslts.Grains.Interfaces.Stocks.StockListing("005930", "삼성전자", "KOSPI", "반도체", 70_000);
        var day = StockDay.Apply(new StockDayState { Listing = listing }, [samsung.At("150000", 72_000, 5)]);
        var tuesday = new Trades("005930", basePrice: 72_000, Monday.AddDays(1));

        var next = StockDay.Apply(day, [tuesday.At("090000", 71_000, 7)]);

        Assert.Equal(listing, next.Listing);
        Assert.Equal(("삼성전자", "반도체"), (StockDay.ToSnapshot("005930", next).Name, StockDay.ToSnapshot("005930", next).Sector));
    }

    [Fact]
    public void A_stale_trade_of_an_earlier_day_is_ignored()
    {
        var tuesday = new Trades("005930", basePrice: 72_000, Monday.AddDays(1));
        var day = StockDay.Apply(new StockDayState(), [tuesday.At("090000", 71_000, 7)]);

        var next = StockDay.Apply(day, [samsung.At("151000", 99_000, 1)]);

        Assert.Same(day, next);
    }

    [Fact]
    public void The_exchange_day_range_widens_the_range_after_a_skipped_gap()
    {
        var trades = new Trades("005930", 70_000, Monday);
        trades.Missed(1_000_000);
        var late = trades.At("100000", 70_300, 5) with { DayOpen = 69_900, DayHigh = 71_000, DayLow = 69_500 };

        var day = StockDay.Apply(StockDay.Skip(new StockDayState(), Monday, 1_000_000), [late]);

        Assert.Equal((69_900L, 71_000L, 69_500L), (day.Open, day.High, day.Low));
        Assert.Equal((1_000_005L, 1_000_000L), (day.Volume, day.MissedVolume));
        Assert.Equal(70_300L * 5, day.TradingValue);
    }
}

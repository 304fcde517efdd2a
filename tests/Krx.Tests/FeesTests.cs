namespace Gslts.Krx.Tests;

public sealed class FeesTests
{
    [Theory]
    [InlineData(2025, 12, 26, 1_500)] // settles 12-30, before the 12-31 closure
    [InlineData(2025, 12, 30, 2_000)] // settles 2026-01-05 (12-31 and 01-01 closed, then Friday and Monday)
    [InlineData(2026, 6, 1, 2_000)]
    [InlineData(2024, 3, 4, 1_800)]
    public void The_transaction_tax_follows_the_settlement_year(int year, int month, int day, long tax)
    {
        Assert.Equal(tax, Fees.Kiwoom.Tax(1_000_000, new DateOnly(year, month, day)));
    }

    [Fact]
    public void Settlement_is_two_trading_days_later_skipping_weekends_and_holidays()
    {
        // 2026-09-23 (Wednesday) before 추석 on Thursday and Friday settles on Tuesday the 29th.
        Assert.Equal(new DateOnly(2026, 9, 29), Fees.Kiwoom.Settlement(new DateOnly(2026, 9, 23)));
        Assert.Equal(new DateOnly(2026, 1, 5), Fees.Kiwoom.Settlement(new DateOnly(2025, 12, 30)));
    }

    [Fact]
    public void Commission_and_tax_are_rounded_down_to_the_won()
    {
        Assert.Equal(14, Fees.Kiwoom.Commission(99_999));
        Assert.Equal(199, Fees.Kiwoom.Tax(99_999, new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public void A_round_trip_nets_the_price_move_less_both_commissions_and_the_sell_tax()
    {
        // 10 shares 70,000 → 71,000 in 2026: +10,000 − 105 − 106 − 1,420.
        Assert.Equal(10_000 - 105 - 106 - 1_420, Fees.Kiwoom.RoundTripProfit(70_000, 71_000, 10, new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public void A_round_trips_return_is_the_price_move_less_both_commissions_and_the_sell_tax_as_a_fraction()
    {
        // 70,000 → 71,000 on 2024-06-03 (tax 0.18%): (71,000 × (1 − 0.00015 − 0.0018) − 70,000 × 1.00015) / 70,000.
        var expected = (71_000m * (1 - 0.00015m - 0.0018m) - 70_000m * 1.00015m) / 70_000m;

        Assert.Equal(expected, Fees.Kiwoom.RoundTripReturn(70_000, 71_000, new DateOnly(2024, 6, 3)));
        Assert.True(Fees.Kiwoom.RoundTripReturn(70_000, 70_000, new DateOnly(2024, 6, 3)) < 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Fees.Kiwoom.RoundTripReturn(0, 70_000, new DateOnly(2024, 6, 3)));
    }
}

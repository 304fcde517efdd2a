namespace Gslts.Krx.Tests;

public sealed class PriceLimitsTests
{
    [Theory]
    [InlineData(70_000, 91_000, 49_000)]
    [InlineData(10_050, 13_060, 7_040)]
    [InlineData(1_000, 1_300, 700)]
    [InlineData(180_000, 234_000, 126_000)]
    [InlineData(3_000, 3_900, 2_100)]
    public void Limits_are_thirty_percent_of_the_base_on_valid_ticks(long basePrice, long upper, long lower)
    {
        var limits = PriceLimits.From(basePrice);

        Assert.Equal((basePrice, upper, lower), (limits.Base, limits.Upper, limits.Lower));
    }

    // Below each edge the width is cut to the base's finer tick and the upper limit lands in a coarser band,
    // where it is rounded down onto that band's grid.
    [Theory]
    [InlineData(1_999, 2_595, 1_400)]
    [InlineData(2_000, 2_600, 1_400)]
    [InlineData(4_995, 6_490, 3_500)]
    [InlineData(5_000, 6_500, 3_500)]
    [InlineData(19_990, 25_950, 14_000)]
    [InlineData(20_000, 26_000, 14_000)]
    [InlineData(49_950, 64_900, 35_000)]
    [InlineData(50_000, 65_000, 35_000)]
    [InlineData(199_900, 259_500, 140_000)]
    [InlineData(200_000, 260_000, 140_000)]
    [InlineData(499_500, 649_000, 350_000)]
    [InlineData(500_000, 650_000, 350_000)]
    public void Limits_at_the_tick_band_edges(long basePrice, long upper, long lower)
    {
        var limits = PriceLimits.From(basePrice);

        Assert.Equal((upper, lower), (limits.Upper, limits.Lower));
        Assert.True(TickSize.IsValid(limits.Upper), $"upper {limits.Upper} is off tick");
        Assert.True(TickSize.IsValid(limits.Lower), $"lower {limits.Lower} is off tick");
    }

    [Fact]
    public void Limits_never_pass_thirty_percent_of_the_base_for_any_valid_base()
    {
        for (var basePrice = 1L; basePrice <= 1_200_000; basePrice = TickSize.Step(basePrice, 1))
        {
            var limits = PriceLimits.From(basePrice);

            Assert.InRange(limits.Upper - basePrice, 0, basePrice * 3 / 10);
            Assert.InRange(basePrice - limits.Lower, 0, basePrice * 3 / 10);
            Assert.True(TickSize.IsValid(limits.Upper) && TickSize.IsValid(limits.Lower), $"base {basePrice}");
        }
    }

    [Fact]
    public void Limits_clamp_prices_into_the_day_range()
    {
        var limits = PriceLimits.From(70_000);

        Assert.Equal(91_000, limits.Clamp(95_000));
        Assert.Equal(49_000, limits.Clamp(40_000));
        Assert.True(limits.Contains(70_000));
        Assert.False(limits.Contains(91_100));
    }

    [Fact]
    public void A_base_price_below_one_won_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceLimits.From(0));
    }
}

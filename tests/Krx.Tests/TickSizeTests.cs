namespace Gslts.Krx.Tests;

public sealed class TickSizeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1_999, 1)]
    [InlineData(2_000, 5)]
    [InlineData(4_995, 5)]
    [InlineData(5_000, 10)]
    [InlineData(19_990, 10)]
    [InlineData(20_000, 50)]
    [InlineData(49_950, 50)]
    [InlineData(50_000, 100)]
    [InlineData(199_900, 100)]
    [InlineData(200_000, 500)]
    [InlineData(499_500, 500)]
    [InlineData(500_000, 1_000)]
    [InlineData(1_234_000, 1_000)]
    public void Tick_follows_the_price_band(long price, long tick)
    {
        Assert.Equal(tick, TickSize.Of(price));
    }

    [Theory]
    [InlineData(70_200, true)]
    [InlineData(70_250, false)]
    [InlineData(4_997, false)]
    [InlineData(0, false)]
    public void A_price_is_valid_only_on_its_own_bands_grid(long price, bool valid)
    {
        Assert.Equal(valid, TickSize.IsValid(price));
    }

    [Theory]
    [InlineData(1_999, true)]
    [InlineData(2_003, false)]
    [InlineData(4_995, true)]
    [InlineData(5_005, false)]
    [InlineData(19_990, true)]
    [InlineData(20_010, false)]
    [InlineData(49_950, true)]
    [InlineData(50_050, false)]
    [InlineData(199_900, true)]
    [InlineData(200_100, false)]
    [InlineData(499_500, true)]
    [InlineData(500_500, false)]
    public void Just_above_a_band_edge_the_coarser_tick_applies(long price, bool valid)
    {
        Assert.Equal(valid, TickSize.IsValid(price));
    }

    [Theory]
    [InlineData(70_250, 70_200, 70_300)]
    [InlineData(19_995, 19_990, 20_000)]
    [InlineData(499_999, 499_500, 500_000)]
    [InlineData(2_003, 2_000, 2_005)]
    [InlineData(4_996, 4_995, 5_000)]
    [InlineData(49_999, 49_950, 50_000)]
    [InlineData(199_950, 199_900, 200_000)]
    [InlineData(200_499, 200_000, 200_500)]
    public void Rounding_lands_on_the_nearest_valid_prices(long price, long down, long up)
    {
        Assert.Equal(down, TickSize.RoundDown(price));
        Assert.Equal(up, TickSize.RoundUp(price));
    }

    [Fact]
    public void Stepping_across_a_band_edge_uses_the_tick_of_the_price_it_lands_on()
    {
        Assert.Equal(50_000, TickSize.Step(49_950, 1));
        Assert.Equal(50_100, TickSize.Step(49_950, 2));
        Assert.Equal(49_950, TickSize.Step(50_000, -1));
        Assert.Equal(1, TickSize.Step(2, -5));
    }
}

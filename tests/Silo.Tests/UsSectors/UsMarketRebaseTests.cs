using Gslts.Grains.Interfaces.Sectors;
using Gslts.KiwoomBridge.UsMarket;

namespace Gslts.Silo.Tests.UsSectors;

public sealed class UsMarketRebaseTests
{
    private static DailyClose C(int day, decimal close) => new(new DateOnly(2026, 3, day), close);

    [Fact]
    public void A_relative_series_is_chained_onto_the_close_stored_for_its_first_date()
    {
        // Yesterday's sim answer ended at 101.37; today's starts again from 100 on that date and moves −0.8%.
        var chained = UsMarketCollector.Rebase([C(20, 100m), C(23, 99.2m)], 101.37m);

        Assert.Equal([C(20, 101.37m), C(23, 100.5590m)], chained);
        Assert.Equal(-0.80m, Math.Round((chained[1].Close / chained[0].Close - 1) * 100, 2));
    }

    [Fact]
    public void Without_a_stored_close_the_series_is_kept_as_it_came()
    {
        IReadOnlyList<DailyClose> closes = [C(20, 100m), C(23, 99.2m)];

        Assert.Same(closes, UsMarketCollector.Rebase(closes, null));
    }
}

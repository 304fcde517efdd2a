using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Sectors;

namespace Gslts.Grains.Tests.Sectors;

public sealed class SectorAggregateTests
{
    private static readonly DateOnly Day = new(2026, 3, 20);
    private static readonly DateTimeOffset At = new(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void The_change_rate_is_weighted_by_trading_value_and_members_are_counted_by_direction()
    {
        SectorMember[] members =
        [
            new("005930", "삼성전자", 70_000, 2.00m, 300_000_000_000),
            new("000660", "SK하이닉스", 200_000, -1.00m, 100_000_000_000),
            new("900001", "한빛반도체", 5_000, 0m, 0),
            new("900002", "대성세미콘", 12_000, 5.00m, 100_000_000_000),
        ];

        var summary = SectorAggregate.Summarize("반도체", Day, members, At);

        // (2×300 − 1×100 + 0×0 + 5×100) / 500 = 2.00
        Assert.Equal(2.00m, summary.WeightedChangeRate);
        Assert.Equal(500_000_000_000, summary.TotalTradingValue);
        Assert.Equal((2, 1, 1, 4), (summary.Advancers, summary.Decliners, summary.Unchanged, summary.MemberCount));
        Assert.Equal(("반도체", Day, (DateTimeOffset?)At), (summary.Name, summary.Date, summary.UpdatedAt));
    }

    [Fact]
    public void Before_anything_trades_the_change_rate_is_the_plain_average()
    {
        SectorMember[] members = [new("005930", "삼성전자", 70_000, 1.00m, 0), new("000660", "SK하이닉스", 200_000, -0.50m, 0)];

        Assert.Equal(0.25m, SectorAggregate.Summarize("반도체", Day, members, At).WeightedChangeRate);
    }

    [Fact]
    public void An_empty_sector_sums_to_zero()
    {
        var summary = SectorAggregate.Summarize("부동산", Day, [], null);

        Assert.Equal((0m, 0L, 0, 0, 0, 0), (summary.WeightedChangeRate, summary.TotalTradingValue, summary.Advancers, summary.Decliners, summary.Unchanged, summary.MemberCount));
    }

    [Fact]
    public void The_weighted_rate_is_rounded_to_two_decimals()
    {
        SectorMember[] members = [new("A00001", "a", 1, 1m, 1), new("A00002", "b", 1, 0m, 2)];

        Assert.Equal(0.33m, SectorAggregate.Summarize("x", Day, members, At).WeightedChangeRate);
    }
}

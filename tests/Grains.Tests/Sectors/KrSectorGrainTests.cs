using Gslts.Grains.Interfaces.Sectors;

namespace Gslts.Grains.Tests.Sectors;

[Collection(ClusterCollection.Name)]
public sealed class KrSectorGrainTests(ClusterFixture fixture)
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public async Task Reported_members_give_the_sector_summary_and_their_list_by_trading_value()
    {
        var grain = fixture.Grains.GetGrain<IKrSectorGrain>("테스트-집계");
        SectorMember[] members =
        [
            new("900101", "가", 10_000, 1.50m, 2_000_000_000),
            new("900102", "나", 20_000, -0.50m, 6_000_000_000),
            new("900103", "다", 30_000, 0m, 2_000_000_000),
        ];

        await grain.Update(Monday, members);
        var summary = await grain.GetSummary();
        var listed = await grain.GetMembers();

        Assert.Equal(("테스트-집계", Monday, 10_000_000_000L, 3), (summary.Name, summary.Date, summary.TotalTradingValue, summary.MemberCount));
        // (1.5×2 − 0.5×6 + 0×2) / 10 = 0
        Assert.Equal(0m, summary.WeightedChangeRate);
        Assert.Equal((1, 1, 1), (summary.Advancers, summary.Decliners, summary.Unchanged));
        Assert.NotNull(summary.UpdatedAt);
        Assert.Equal(["900102", "900101", "900103"], listed.Select(m => m.Code));
    }

    [Fact]
    public async Task A_newer_report_replaces_the_members_and_an_older_date_is_ignored()
    {
        var grain = fixture.Grains.GetGrain<IKrSectorGrain>("테스트-교체");
        await grain.Update(Monday, [new("900111", "가", 10_000, 1m, 1_000)]);
        await grain.Update(Monday, [new("900111", "가", 10_100, 2m, 3_000), new("900112", "나", 5_000, -1m, 1_000)]);
        await grain.Update(Monday.AddDays(-3), [new("900113", "다", 1_000, 9m, 9_000)]);

        var summary = await grain.GetSummary();

        Assert.Equal((Monday, 2, 4_000L), (summary.Date, summary.MemberCount, summary.TotalTradingValue));
        Assert.Equal(1.25m, summary.WeightedChangeRate);
    }

    [Fact]
    public async Task The_members_survive_a_reactivation()
    {
        var grain = fixture.Grains.GetGrain<IKrSectorGrain>("테스트-보관");
        await grain.Update(Monday, [new("900121", "가", 10_000, 1m, 5_000), new("900122", "나", 10_000, -1m, 7_000)]);
        var before = await grain.GetSummary();

        await Reactivation.Force(fixture);
        var after = await grain.GetSummary();

        Assert.Equal(before, after);
        Assert.Equal(["900122", "900121"], (await grain.GetMembers()).Select(m => m.Code));
    }
}

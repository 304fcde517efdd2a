using Gslts.Grains.Interfaces.Sectors;

namespace Gslts.Grains.Tests.Sectors;

[Collection(ClusterCollection.Name)]
public sealed class UsSectorGrainTests(ClusterFixture fixture)
{
    private static DailyClose C(int day, decimal close) => new(new DateOnly(2026, 3, day), close);

    [Fact]
    public async Task Closes_from_several_loads_are_merged_and_the_last_session_is_measured_against_the_one_before()
    {
        var grain = fixture.Grains.GetGrain<IUsSectorGrain>("TEST-MERGE");

        await grain.AddCloses([C(16, 200m), C(17, 202m), C(18, 201m)]);
        await grain.AddCloses([C(18, 201.5m), C(19, 205.53m), C(17, 202m)]);

        Assert.Equal([C(16, 200m), C(17, 202m), C(18, 201.5m), C(19, 205.53m)], await grain.GetHistory(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)));
        Assert.Equal([C(17, 202m), C(18, 201.5m)], await grain.GetHistory(new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 18)));
        var last = await grain.GetLastSession();
        Assert.Equal(new UsSession("TEST-MERGE", new DateOnly(2026, 3, 19), 205.53m, new DateOnly(2026, 3, 18), 201.5m, 2.00m), last);
    }

    [Fact]
    public async Task One_close_is_no_session_yet()
    {
        var grain = fixture.Grains.GetGrain<IUsSectorGrain>("TEST-ONE");
        await grain.AddCloses([C(19, 50m)]);

        Assert.Null(await grain.GetLastSession());
    }

    [Fact]
    public async Task The_closes_survive_a_reactivation()
    {
        var grain = fixture.Grains.GetGrain<IUsSectorGrain>("TEST-KEEP");
        await grain.AddCloses([C(19, 80m), C(20, 79.2m)]);

        await Reactivation.Force(fixture);

        Assert.Equal(-1.00m, (await grain.GetLastSession())!.ChangeRate);
        Assert.Equal(2, (await grain.GetHistory(DateOnly.MinValue, DateOnly.MaxValue)).Count);
    }
}

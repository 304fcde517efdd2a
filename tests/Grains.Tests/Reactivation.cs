namespace Gslts.Grains.Tests;

/// <summary>Makes the test silo deactivate every idle grain, so the next call activates it again from storage.</summary>
internal static class Reactivation
{
    public static async Task Force(ClusterFixture fixture)
    {
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var before = await management.GetTotalActivationCount();
        await management.ForceActivationCollection(TimeSpan.Zero);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await management.GetTotalActivationCount() >= before && DateTime.UtcNow < deadline) await Task.Delay(50);
    }
}

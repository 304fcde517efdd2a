using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gslts.KiwoomSim.Tests;

public sealed class SimClockTests
{
    [Fact]
    public void A_virtual_day_starts_in_the_opening_auction_and_runs_at_its_speed_to_the_close()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        var clock = new SimClock(time, Options.Create(new SimOptions { Speed = 60 }));

        Assert.Equal((new TimeOnly(8, 59, 30), MarketPhase.OpeningAuction), (clock.Now, clock.Phase));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((new TimeOnly(9, 0, 30), MarketPhase.Continuous), (clock.Now, clock.Phase));
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal((new TimeOnly(15, 30), MarketPhase.Closed, false), (clock.Now, clock.Phase, clock.Running));
    }

    [Theory]
    [InlineData("2026-11-24T01:00:00Z", MarketPhase.Continuous)]
    [InlineData("2026-11-23T23:35:00Z", MarketPhase.OpeningAuction)]
    [InlineData("2026-11-28T01:00:00Z", MarketPhase.Closed)]
    [InlineData("2026-12-25T01:00:00Z", MarketPhase.Closed)]
    [InlineData("2026-12-24T06:25:00Z", MarketPhase.ClosingAuction)]
    public void The_wall_clock_follows_the_KRX_day_and_calendar_in_KST(string utc, MarketPhase phase)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        var clock = new SimClock(time, Options.Create(new SimOptions { Clock = SimOptions.WallClock }));

        Assert.Equal(phase, clock.Phase);
        Assert.True(clock.Running);
    }
}

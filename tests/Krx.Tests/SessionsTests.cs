namespace Gslts.Krx.Tests;

public sealed class SessionsTests
{
    [Theory]
    [InlineData("08:29:59", MarketPhase.BeforeOpen)]
    [InlineData("08:30:00", MarketPhase.OpeningAuction)]
    [InlineData("09:00:00", MarketPhase.Continuous)]
    [InlineData("15:19:59", MarketPhase.Continuous)]
    [InlineData("15:20:00", MarketPhase.ClosingAuction)]
    [InlineData("15:30:00", MarketPhase.Closed)]
    public void The_regular_day_runs_auction_continuous_auction(string time, MarketPhase phase)
    {
        Assert.Equal(phase, KrxSessions.Regular.PhaseAt(TimeOnly.Parse(time)));
    }

    [Fact]
    public void The_first_trading_day_of_the_year_opens_at_ten_and_closes_as_usual()
    {
        var day = KrxCalendar.Default.SessionsOn(new DateOnly(2026, 1, 2));

        Assert.Equal(MarketPhase.OpeningAuction, day.PhaseAt(new TimeOnly(9, 30)));
        Assert.Equal(MarketPhase.Continuous, day.PhaseAt(new TimeOnly(10, 0)));
        Assert.Equal(MarketPhase.ClosingAuction, day.PhaseAt(new TimeOnly(15, 25)));
        Assert.Equal(MarketPhase.Closed, day.PhaseAt(new TimeOnly(15, 30)));
    }

    [Fact]
    public void The_CSAT_day_trades_an_hour_later_from_ten_to_half_past_four()
    {
        var day = KrxCalendar.Default.SessionsOn(new DateOnly(2026, 11, 19));

        Assert.Equal((new TimeOnly(10, 0), new TimeOnly(16, 20), new TimeOnly(16, 30)), (day.Open, day.ClosingAuction, day.Close));
        Assert.Equal(MarketPhase.Continuous, day.PhaseAt(new TimeOnly(16, 0)));
        Assert.Equal(KrxSessions.Regular, KrxCalendar.Default.SessionsOn(new DateOnly(2026, 11, 20)));
    }
}

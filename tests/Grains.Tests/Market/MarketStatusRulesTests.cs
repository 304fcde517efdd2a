using Gslts.Grains.Interfaces.Market;
using Gslts.Grains.Market;
using Gslts.Krx;

namespace Gslts.Grains.Tests.Market;

public sealed class MarketStatusRulesTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);

    private static MarketStatus At(DateOnly date, TimeOnly wall, MarketSessionReport? report = null) =>
        MarketStatusRules.At(Kst.On(date, wall), report, KrxCalendar.Default, KrxSessions.Regular);

    private static MarketSessionReport Report(string code, TimeOnly exchangeTime, DateOnly date, TimeOnly receivedAt) =>
        new(code, "", exchangeTime, Kst.On(date, receivedAt));

    [Theory]
    [InlineData("08:10", MarketSessionKind.PreOpen, "장 시작 전")]
    [InlineData("08:45", MarketSessionKind.OpeningAuction, "동시호가")]
    [InlineData("10:00", MarketSessionKind.Open, "장중")]
    [InlineData("15:25", MarketSessionKind.ClosingAuction, "동시호가")]
    [InlineData("16:00", MarketSessionKind.Closed, "장 마감")]
    public void Without_a_feed_report_the_session_follows_the_regular_day_by_the_clock(string wall, MarketSessionKind session, string label)
    {
        var status = At(Wednesday, TimeOnly.Parse(wall, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((session, label, "calendar"), (status.Session, status.Label, status.Source));
    }

    [Fact]
    public void A_weekend_or_a_krx_holiday_is_휴장_whatever_the_time()
    {
        Assert.Equal(MarketSessionKind.Holiday, At(new DateOnly(2026, 12, 5), new TimeOnly(10, 0)).Session);
        Assert.Equal(MarketSessionKind.Holiday, At(new DateOnly(2026, 12, 31), new TimeOnly(10, 0)).Session);
        Assert.Equal("휴장", At(new DateOnly(2026, 12, 5), new TimeOnly(10, 0)).Label);
    }

    [Fact]
    public void Todays_feed_report_wins_over_the_clock_and_its_time_runs_on_from_when_it_came_in()
    {
        // A virtual sim day: the exchange said 장시작 at 09:00 while the wall clock said 20:00 (a weekday evening).
        var report = Report("3", new TimeOnly(9, 0), Wednesday, new TimeOnly(20, 0));

        var status = At(Wednesday, new TimeOnly(20, 5), report);

        Assert.Equal((MarketSessionKind.Open, "장중", "feed", "3"), (status.Session, status.Label, status.Source, status.ExchangeCode));
        Assert.Equal(Kst.On(Wednesday, new TimeOnly(9, 5)), status.MarketTime);
        Assert.Equal(Kst.On(Wednesday, new TimeOnly(9, 0)), status.Since);
    }

    [Fact]
    public void Before_the_open_the_feed_clock_passing_0830_is_the_opening_auction()
    {
        var report = Report("0", new TimeOnly(8, 20), Wednesday, new TimeOnly(8, 20));

        Assert.Equal(MarketSessionKind.PreOpen, At(Wednesday, new TimeOnly(8, 25), report).Session);
        Assert.Equal(MarketSessionKind.OpeningAuction, At(Wednesday, new TimeOnly(8, 31), report).Session);
    }

    [Theory]
    [InlineData("2", MarketSessionKind.ClosingAuction)]
    [InlineData("4", MarketSessionKind.Closed)]
    [InlineData("8", MarketSessionKind.Closed)]
    [InlineData("c", MarketSessionKind.Closed)]
    public void Kiwoom_session_codes_map_to_the_pages_sessions(string code, MarketSessionKind session) =>
        Assert.Equal(session, MarketStatusRules.FromCode(code, new TimeOnly(15, 21), KrxSessions.Regular));

    [Fact]
    public void Yesterdays_report_is_not_todays_session()
    {
        var report = Report("3", new TimeOnly(9, 0), Wednesday.AddDays(-1), new TimeOnly(9, 0));

        var status = At(Wednesday, new TimeOnly(7, 0), report);

        Assert.Equal((MarketSessionKind.PreOpen, "calendar"), (status.Session, status.Source));
    }
}

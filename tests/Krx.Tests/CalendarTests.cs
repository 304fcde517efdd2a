namespace Gslts.Krx.Tests;

public sealed class CalendarTests
{
    [SharedDataFact]
    public void The_calendars_closures_are_exactly_the_weekdays_KRX_did_not_trade_in_2022_to_2024()
    {
        // 005930 traded on every KRX session: its daily bars are the exchange's own calendar.
        var traded = SharedData.Daily("kr/005930.csv").Select(r => r.Date).ToHashSet();
        var (first, last) = (new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 30));

        var wrong = new List<string>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (KrxCalendar.Default.IsTradingDay(day) != traded.Contains(day)) wrong.Add($"{day:yyyy-MM-dd} calendar says {(KrxCalendar.Default.IsTradingDay(day) ? "open" : "closed")}");
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Weekends_and_holidays_are_closed_and_trading_days_step_over_them()
    {
        var calendar = KrxCalendar.Default;

        Assert.False(calendar.IsTradingDay(new DateOnly(2026, 12, 5)));
        Assert.False(calendar.IsTradingDay(new DateOnly(2026, 12, 25)));
        Assert.True(calendar.IsTradingDay(new DateOnly(2026, 12, 24)));
        Assert.Equal(new DateOnly(2026, 12, 28), calendar.NextTradingDay(new DateOnly(2026, 12, 24)));
        Assert.Equal(new DateOnly(2026, 12, 24), calendar.PreviousTradingDay(new DateOnly(2026, 12, 28)));
    }

    [Fact]
    public void Configured_closures_are_added_to_the_shipped_ones()
    {
        var calendar = KrxCalendar.Default.WithClosures([new DateOnly(2026, 12, 24)]);

        Assert.False(calendar.IsTradingDay(new DateOnly(2026, 12, 24)));
        Assert.False(calendar.IsTradingDay(new DateOnly(2026, 12, 25)));
        Assert.True(KrxCalendar.Default.IsTradingDay(new DateOnly(2026, 12, 24)));
    }
}

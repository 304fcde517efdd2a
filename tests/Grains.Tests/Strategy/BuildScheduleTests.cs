using Gslts.Grains.Strategy;
using Gslts.Krx;

namespace Gslts.Grains.Tests.Strategy;

public sealed class BuildScheduleTests
{
    private static readonly KrxCalendar Calendar = KrxCalendar.Default;
    private static readonly TimeOnly Eight = new(8, 0);
    private static readonly DateOnly Friday = new(2026, 3, 20);

    private static DateTimeOffset Kst(DateOnly date, int hour, int minute) => new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(9));

    [Fact]
    public void A_trading_days_plan_is_due_from_its_build_time_until_it_is_built()
    {
        Assert.Null(BuildSchedule.Due(Kst(Friday, 7, 59), Eight, null, Calendar));
        Assert.Equal(Friday, BuildSchedule.Due(Kst(Friday, 8, 0), Eight, Friday.AddDays(-1), Calendar));
        Assert.Equal(Friday, BuildSchedule.Due(Kst(Friday, 13, 5), Eight, null, Calendar));
        Assert.Null(BuildSchedule.Due(Kst(Friday, 8, 1), Eight, Friday, Calendar));
    }

    [Fact]
    public void The_build_time_is_read_in_KST_whatever_the_clocks_offset()
    {
        // 23:00 UTC on Thursday is 08:00 KST on Friday.
        Assert.Equal(Friday, BuildSchedule.Due(new DateTimeOffset(2026, 3, 19, 23, 0, 0, TimeSpan.Zero), Eight, null, Calendar));
        Assert.Null(BuildSchedule.Due(new DateTimeOffset(2026, 3, 19, 22, 59, 0, TimeSpan.Zero), Eight, null, Calendar));
    }

    [Fact]
    public void Weekends_have_no_plan_and_the_next_build_is_monday()
    {
        var saturday = Friday.AddDays(1);

        Assert.Null(BuildSchedule.Due(Kst(saturday, 9, 0), Eight, Friday, Calendar));
        Assert.Null(BuildSchedule.Due(Kst(saturday.AddDays(1), 9, 0), Eight, Friday, Calendar));
        Assert.Equal(Kst(saturday.AddDays(2), 8, 0), BuildSchedule.Next(Kst(Friday, 8, 0), Eight, Calendar));
        Assert.Equal(Kst(Friday, 8, 0), BuildSchedule.Next(Kst(Friday, 7, 0), Eight, Calendar));
    }

    [Fact]
    public void A_KRX_holiday_has_no_plan_and_the_next_build_is_the_next_trading_day()
    {
        // 2026-09-24 and 09-25 are 추석 (Thursday, Friday): Wednesday's plan is followed by Monday's.
        var wednesday = new DateOnly(2026, 9, 23);

        Assert.Null(BuildSchedule.Due(Kst(new DateOnly(2026, 9, 24), 9, 0), Eight, wednesday, Calendar));
        Assert.Equal(Kst(new DateOnly(2026, 9, 28), 8, 0), BuildSchedule.Next(Kst(wednesday, 8, 0), Eight, Calendar));
    }
}

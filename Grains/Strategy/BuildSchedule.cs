using Gslts.Krx;

namespace Gslts.Grains.Strategy;

/// <summary>When a trading day's plan is due, on the KRX calendar (weekends and holidays build nothing). Pure: the caller passes the time.</summary>
public static class BuildSchedule
{
    public static readonly TimeSpan Kst = Gslts.Krx.Kst.Offset;

    /// <summary>
    /// The KST date whose plan should be built at <paramref name="now"/>: today, when it is a trading day, its build
    /// time has come and it was not built yet (<paramref name="lastBuilt"/>); otherwise null. A silo that was down at
    /// the build time builds when it is back, the same day.
    /// </summary>
    public static DateOnly? Due(DateTimeOffset now, TimeOnly buildAt, DateOnly? lastBuilt, KrxCalendar calendar)
    {
        var local = now.ToOffset(Kst).DateTime;
        var today = DateOnly.FromDateTime(local);
        if (!calendar.IsTradingDay(today) || TimeOnly.FromDateTime(local) < buildAt || lastBuilt >= today) return null;
        return today;
    }

    /// <summary>The next build time after <paramref name="now"/>: <paramref name="buildAt"/> KST on the next trading day it has not passed on.</summary>
    public static DateTimeOffset Next(DateTimeOffset now, TimeOnly buildAt, KrxCalendar calendar)
    {
        var local = now.ToOffset(Kst);
        for (var date = DateOnly.FromDateTime(local.DateTime); ; date = date.AddDays(1))
        {
            var at = new DateTimeOffset(date.ToDateTime(buildAt), Kst);
            if (calendar.IsTradingDay(date) && at > local) return at;
        }
    }
}

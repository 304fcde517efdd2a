namespace Gslts.Grains.Strategy;

/// <summary>When a trading day's plan is due. Pure: the caller passes the time (KST = +09:00).</summary>
public static class BuildSchedule
{
    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>KRX trades Monday to Friday; holidays are not known here yet (a plan built on one is harmless).</summary>
    public static bool IsKrxTradingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The KST date whose plan should be built at <paramref name="now"/>: today, when it is a trading day, its build
    /// time has come and it was not built yet (<paramref name="lastBuilt"/>); otherwise null. A silo that was down at
    /// the build time builds when it is back, the same day.
    /// </summary>
    public static DateOnly? Due(DateTimeOffset now, TimeOnly buildAt, DateOnly? lastBuilt)
    {
        var local = now.ToOffset(Kst).DateTime;
        var today = DateOnly.FromDateTime(local);
        if (!IsKrxTradingDay(today) || TimeOnly.FromDateTime(local) < buildAt || lastBuilt >= today) return null;
        return today;
    }

    /// <summary>The next build time after <paramref name="now"/>: <paramref name="buildAt"/> KST on the next trading day it has not passed on.</summary>
    public static DateTimeOffset Next(DateTimeOffset now, TimeOnly buildAt)
    {
        var local = now.ToOffset(Kst);
        for (var date = DateOnly.FromDateTime(local.DateTime); ; date = date.AddDays(1))
        {
            var at = new DateTimeOffset(date.ToDateTime(buildAt), Kst);
            if (IsKrxTradingDay(date) && at > local) return at;
        }
    }
}

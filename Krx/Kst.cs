namespace Gslts.Krx;

/// <summary>Korea Standard Time (UTC+9, no daylight saving): the clock every KRX date and session is written in.</summary>
public static class Kst
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset At(DateTimeOffset time) => time.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Offset).DateTime);

    public static TimeOnly TimeOf(DateTimeOffset time) => TimeOnly.FromDateTime(time.ToOffset(Offset).DateTime);

    public static DateTimeOffset On(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);
}

namespace Gslts.Grains.Ranking;

/// <summary>
/// When the PRD's 10-minute ranking snapshots are due, by market time (the feed's, never a silo's wall clock): at
/// every 10-minute mark of the regular session, 09:10 through 15:30 KST, each mark once.
/// </summary>
public static class SnapshotClock
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly TimeOnly First = new(9, 10);
    private static readonly TimeOnly Last = new(15, 30);

    /// <summary>The latest mark at or before <paramref name="marketTime"/> that is after <paramref name="lastTaken"/>; null when none is due.</summary>
    public static DateTimeOffset? Due(DateTimeOffset marketTime, DateTimeOffset? lastTaken)
    {
        var kst = marketTime.ToOffset(Kst);
        var clock = TimeOnly.FromDateTime(kst.DateTime);
        if (clock < First) return null;
        if (clock > Last) clock = Last;
        var mark = new DateTimeOffset(DateOnly.FromDateTime(kst.DateTime).ToDateTime(new TimeOnly(clock.Hour, clock.Minute / 10 * 10)), Kst);
        return lastTaken is { } taken && taken >= mark ? null : mark;
    }
}

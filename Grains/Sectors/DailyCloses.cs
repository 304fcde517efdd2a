using Gslts.Grains.Interfaces.Sectors;

namespace Gslts.Grains.Sectors;

/// <summary>Daily close series: merging, and a session's change. Pure: no Orleans, no I/O.</summary>
public static class DailyCloses
{
    /// <summary>
    /// <paramref name="stored"/> (sorted, one per date) with <paramref name="incoming"/> merged in: sorted by date,
    /// one close per date, an incoming close replacing a stored one of its date (the last of several incoming wins),
    /// non-positive closes dropped, and at most <paramref name="keep"/> newest kept.
    /// </summary>
    public static List<DailyClose> Merge(IReadOnlyList<DailyClose> stored, IReadOnlyList<DailyClose> incoming, int keep = int.MaxValue)
    {
        var byDate = new SortedDictionary<DateOnly, decimal>();
        foreach (var close in stored) byDate[close.Date] = close.Close;
        foreach (var close in incoming.Where(c => c.Close > 0)) byDate[close.Date] = close.Close;
        return [.. byDate.Skip(Math.Max(0, byDate.Count - keep)).Select(p => new DailyClose(p.Key, p.Value))];
    }

    /// <summary>True when <paramref name="merged"/> holds exactly what <paramref name="stored"/> does.</summary>
    public static bool Same(IReadOnlyList<DailyClose> stored, IReadOnlyList<DailyClose> merged) =>
        stored.Count == merged.Count && stored.SequenceEqual(merged);

    /// <summary>The newest session of a sorted series against the one before; null with fewer than two closes.</summary>
    public static UsSession? LastSession(string symbol, IReadOnlyList<DailyClose> sorted) =>
        sorted.Count < 2 ? null : Session(symbol, sorted[^2], sorted[^1]);

    /// <summary>The newest session dated before <paramref name="date"/> against the one before it (the US night before a KRX day).</summary>
    public static UsSession? LastSessionBefore(string symbol, IReadOnlyList<DailyClose> sorted, DateOnly date)
    {
        var last = -1;
        for (var i = sorted.Count - 1; i >= 0; i--)
        {
            if (sorted[i].Date < date)
            {
                last = i;
                break;
            }
        }

        return last < 1 ? null : Session(symbol, sorted[last - 1], sorted[last]);
    }

    /// <summary>The closes between two dates inclusive, oldest first.</summary>
    public static List<DailyClose> Between(IReadOnlyList<DailyClose> sorted, DateOnly from, DateOnly to) =>
        [.. sorted.Where(c => c.Date >= from && c.Date <= to)];

    private static UsSession Session(string symbol, DailyClose previous, DailyClose last) =>
        new(symbol, last.Date, last.Close, previous.Date, previous.Close,
            Math.Round((last.Close - previous.Close) * 100m / previous.Close, 2, MidpointRounding.AwayFromZero));
}

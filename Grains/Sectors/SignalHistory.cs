using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Strategy;

namespace Gslts.Grains.Sectors;

/// <summary>Which way of a US session's move is the signal: up for the sectors expected strong, down for the weak.</summary>
public enum SignalDirection
{
    Up,
    Down,
}

/// <summary>
/// How a US sector's move did as a signal for its Korean sector's next trading day, measured on daily closes. Pure:
/// no Orleans, no I/O.
/// </summary>
public static class SignalHistory
{
    /// <summary>
    /// For every KRX trading day D (a date on which any member has a close) with a US session s before it that came
    /// after the previous KRX day P (P ≤ s &lt; D, the latest such s: the one a morning plan on D reads) and moved the
    /// signal's way (close over the ETF's previous close; strictly up or down): the sector's return on D is the
    /// equal-weight average of the members' close-to-close returns P→D (members without both closes left out). The hit
    /// rate is the share of those days the return went the signal's way, the average return is in percent. Days on or
    /// after <paramref name="before"/> are not counted (no look-ahead). Null when no day qualifies.
    /// </summary>
    /// <param name="etf">The ETF's closes, oldest first, one per date.</param>
    /// <param name="members">Each member's closes, oldest first, one per date.</param>
    public static SignalStats? Measure(
        IReadOnlyList<DailyClose> etf, IReadOnlyList<IReadOnlyList<DailyClose>> members, SignalDirection direction, DateOnly? before = null)
    {
        var calendar = members.SelectMany(m => m.Select(c => c.Date)).Distinct().Order().ToArray();
        var closes = members.Select(m => m.Where(c => c.Close > 0).ToDictionary(c => c.Date, c => c.Close)).ToArray();
        var days = 0;
        var hits = 0;
        var sum = 0d;
        var session = -1;
        for (var k = 1; k < calendar.Length; k++)
        {
            var (previous, day) = (calendar[k - 1], calendar[k]);
            if (before is { } end && day >= end) break;
            while (session + 1 < etf.Count && etf[session + 1].Date < day) session++;
            if (session < 1 || etf[session].Date < previous || etf[session - 1].Close <= 0) continue;

            var move = etf[session].Close / etf[session - 1].Close - 1m;
            if (direction == SignalDirection.Up ? move <= 0 : move >= 0) continue;
            if (SectorReturn(closes, previous, day) is not { } sectorReturn) continue;

            days++;
            sum += sectorReturn;
            if (direction == SignalDirection.Up ? sectorReturn > 0 : sectorReturn < 0) hits++;
        }

        return days == 0 ? null : new SignalStats(days, (double)hits / days, sum / days * 100);
    }

    private static double? SectorReturn(Dictionary<DateOnly, decimal>[] members, DateOnly previous, DateOnly day)
    {
        var total = 0d;
        var count = 0;
        foreach (var member in members)
        {
            if (!member.TryGetValue(previous, out var from) || !member.TryGetValue(day, out var to)) continue;
            total += (double)(to / from) - 1;
            count++;
        }

        return count == 0 ? null : total / count;
    }
}

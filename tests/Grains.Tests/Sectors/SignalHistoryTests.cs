using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Sectors;

namespace Gslts.Grains.Tests.Sectors;

public sealed class SignalHistoryTests
{
    private static DailyClose C(int day, decimal close) => new(new DateOnly(2026, 3, day), close);

    [Fact]
    public void Each_korean_day_follows_the_last_US_session_since_the_korean_day_before()
    {
        // US: Mon 2 → Fri 6; Korea closed on Wed 4 (members have no close that day).
        IReadOnlyList<DailyClose> etf = [C(2, 100m), C(3, 102m), C(4, 101m), C(5, 103m), C(6, 104m)];
        IReadOnlyList<DailyClose> a = [C(2, 1000m), C(3, 1000m), C(5, 1100m), C(6, 1045m), C(9, 1045m)];
        IReadOnlyList<DailyClose> b = [C(2, 500m), C(3, 510m), C(5, 500m), C(6, 510m), C(9, 520m)];

        var up = SignalHistory.Measure(etf, [a, b], SignalDirection.Up);
        var down = SignalHistory.Measure(etf, [a, b], SignalDirection.Down);

        // Korean day 3 follows US 2 (no earlier close: no signal). Day 5 follows US 4 (−): a down day, the sector
        // +10% and −1.96%. Day 6 follows US 5 (+): −5% and +2%. Day 9 follows US 6 (+): 0% and +1.96%.
        var day6 = ((1045m / 1100m - 1) + (510m / 500m - 1)) / 2;
        var day9 = ((1045m / 1045m - 1) + (520m / 510m - 1)) / 2;
        var day5 = ((1100m / 1000m - 1) + (500m / 510m - 1)) / 2;
        Assert.Equal(2, up!.Days);
        Assert.Equal(0.5, up.HitRate);
        Assert.Equal((double)(day6 + day9) / 2 * 100, up.AverageNextDayReturn, 1e-9);
        Assert.Equal((1, 0.0), (down!.Days, down.HitRate));
        Assert.Equal((double)day5 * 100, down.AverageNextDayReturn, 1e-9);
    }

    [Fact]
    public void Days_from_the_plans_date_on_are_not_counted()
    {
        IReadOnlyList<DailyClose> etf = [C(2, 100m), C(3, 102m), C(4, 103m)];
        IReadOnlyList<DailyClose> member = [C(3, 10m), C(4, 11m), C(5, 12m)];

        Assert.Equal(2, SignalHistory.Measure(etf, [member], SignalDirection.Up)!.Days);
        Assert.Equal(1, SignalHistory.Measure(etf, [member], SignalDirection.Up, before: new DateOnly(2026, 3, 5))!.Days);
        Assert.Null(SignalHistory.Measure(etf, [member], SignalDirection.Up, before: new DateOnly(2026, 3, 4)));
    }

    [SharedDataFact]
    public void XLK_up_nights_measured_on_real_closes_of_Samsung_Electronics_and_SK_Hynix()
    {
        var xlk = Closes("us/XLK.csv");
        var members = new[] { Closes("kr/005930.csv"), Closes("kr/000660.csv") };

        var measured = SignalHistory.Measure(xlk, members, SignalDirection.Up);
        var (days, hitRate, average) = Straightforward(xlk, members, up: true);
        var measuredDown = SignalHistory.Measure(xlk, members, SignalDirection.Down);
        var (downDays, downHitRate, downAverage) = Straightforward(xlk, members, up: false);

        Assert.True(days > 1_000, $"two decades of overlap give over a thousand up nights, not {days}");
        Assert.Equal(days, measured!.Days);
        Assert.Equal(hitRate, measured.HitRate, 1e-12);
        Assert.Equal(average, measured.AverageNextDayReturn, 1e-9);
        Assert.Equal(downDays, measuredDown!.Days);
        Assert.Equal(downHitRate, measuredDown.HitRate, 1e-12);
        Assert.Equal(downAverage, measuredDown.AverageNextDayReturn, 1e-9);
    }

    /// <summary>
    /// The definition, computed the long way: every US session goes to the first Korean date after it; a Korean date
    /// keeps the last session that went to it; the sector's return there is the members' mean close-to-close return
    /// from the Korean date before.
    /// </summary>
    private static (int Days, double HitRate, double Average) Straightforward(IReadOnlyList<DailyClose> etf, IReadOnlyList<DailyClose>[] members, bool up)
    {
        var korean = new SortedSet<DateOnly>(members.SelectMany(m => m.Select(c => c.Date))).ToList();
        var sessionFor = new Dictionary<DateOnly, int>();
        for (var i = 1; i < etf.Count; i++)
        {
            var next = korean.FindIndex(d => d > etf[i].Date);
            if (next > 0) sessionFor[korean[next]] = i;
        }

        var returns = new List<double>();
        foreach (var (day, i) in sessionFor)
        {
            var change = etf[i].Close - etf[i - 1].Close;
            if (up ? change <= 0 : change >= 0) continue;
            var previous = korean[korean.IndexOf(day) - 1];
            var memberReturns = new List<double>();
            foreach (var member in members)
            {
                var from = member.FirstOrDefault(c => c.Date == previous);
                var to = member.FirstOrDefault(c => c.Date == day);
                if (from is not null && to is not null) memberReturns.Add((double)(to.Close / from.Close) - 1);
            }

            if (memberReturns.Count > 0) returns.Add(memberReturns.Average());
        }

        var hits = returns.Count(r => up ? r > 0 : r < 0);
        return (returns.Count, (double)hits / returns.Count, returns.Average() * 100);
    }

    private static IReadOnlyList<DailyClose> Closes(string file) => [.. SharedData.Daily(file).Select(r => new DailyClose(r.Date, r.Close))];
}

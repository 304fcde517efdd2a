using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Sectors;

namespace Gslts.Grains.Tests.Sectors;

public sealed class SignalHistoryTests
{
    private static DailyClose C(int day, decimal close) => new(new DateOnly(2026, 3, day), close);

    private static DailyBar B(int day, long close, long? open = null) => new(new DateOnly(2026, 3, day), open ?? close, close, close, close, 1, close);

    [Fact]
    public void Each_korean_day_follows_the_last_US_session_since_the_korean_day_before()
    {
        // US: Mon 2 → Fri 6; Korea closed on Wed 4 (members have no close that day).
        IReadOnlyList<DailyClose> etf = [C(2, 100m), C(3, 102m), C(4, 101m), C(5, 103m), C(6, 104m)];
        IReadOnlyList<DailyBar> a = [B(2, 1000), B(3, 1000), B(5, 1100), B(6, 1045), B(9, 1045)];
        IReadOnlyList<DailyBar> b = [B(2, 500), B(3, 510), B(5, 500), B(6, 510), B(9, 520)];

        var up = SignalHistory.Measure(etf, [a, b], SignalDirection.Up);
        var down = SignalHistory.Measure(etf, [a, b], SignalDirection.Down);

        // Korean day 3 follows US 2 (no earlier close: no signal). Day 5 follows US 4 (−): a down day, the sector
        // +10% and −1.96%. Day 6 follows US 5 (+): −5% and +2%. Day 9 follows US 6 (+): 0% and +1.96%.
        var day6 = ((1045m / 1100m - 1) + (510m / 500m - 1)) / 2;
        var day9 = ((1045m / 1045m - 1) + (520m / 510m - 1)) / 2;
        var day5 = ((1100m / 1000m - 1) + (500m / 510m - 1)) / 2;
        Assert.Equal(2, up!.CloseToClose.Days);
        Assert.Equal(0.5, up.CloseToClose.HitRate);
        Assert.Equal((double)(day6 + day9) / 2 * 100, up.CloseToClose.AverageReturn, 1e-9);
        Assert.Equal((1, 0.0), (down!.CloseToClose.Days, down.CloseToClose.HitRate));
        Assert.Equal((double)day5 * 100, down.CloseToClose.AverageReturn, 1e-9);
        Assert.Equal(SignalHistory.CloseToCloseLabel, up.CloseToClose.Label);
    }

    [Fact]
    public void The_tradable_part_is_measured_open_to_close_and_again_after_commission_and_tax()
    {
        // One up night (US 3 → Korean day 4): the sector gapped up 5% at the open and gave 1% of it back by the close.
        IReadOnlyList<DailyClose> etf = [C(2, 100m), C(3, 101m)];
        IReadOnlyList<DailyBar> member = [B(3, 10_000), B(4, 10_395, open: 10_500)];

        var measured = SignalHistory.Measure(etf, [member], SignalDirection.Up)!;

        Assert.Equal((1, 1.0), (measured.CloseToClose.Days, measured.CloseToClose.HitRate));
        Assert.Equal(3.95, measured.CloseToClose.AverageReturn, 1e-9);
        Assert.Equal((1, 0.0), (measured.OpenToClose!.Days, measured.OpenToClose.HitRate));
        Assert.Equal(-1.0, measured.OpenToClose.AverageReturn, 1e-9);
        var afterCosts = (double)Gslts.Krx.Fees.Kiwoom.RoundTripReturn(10_500, 10_395, new DateOnly(2026, 3, 4)) * 100;
        Assert.Equal(afterCosts, measured.AfterCosts!.AverageReturn, 1e-9);
        Assert.True(measured.AfterCosts.AverageReturn < measured.OpenToClose.AverageReturn - 0.2, "the round trip pays commission twice and the 0.20% tax");
        Assert.Equal([SignalHistory.CloseToCloseLabel, SignalHistory.OpenToCloseLabel, SignalHistory.AfterCostsLabel],
            new[] { measured.CloseToClose.Label, measured.OpenToClose.Label, measured.AfterCosts.Label });
    }

    [Fact]
    public void Days_from_the_plans_date_on_are_not_counted()
    {
        IReadOnlyList<DailyClose> etf = [C(2, 100m), C(3, 102m), C(4, 103m)];
        IReadOnlyList<DailyBar> member = [B(3, 10), B(4, 11), B(5, 12)];

        Assert.Equal(2, SignalHistory.Measure(etf, [member], SignalDirection.Up)!.CloseToClose.Days);
        Assert.Equal(1, SignalHistory.Measure(etf, [member], SignalDirection.Up, before: new DateOnly(2026, 3, 5))!.CloseToClose.Days);
        Assert.Null(SignalHistory.Measure(etf, [member], SignalDirection.Up, before: new DateOnly(2026, 3, 4)));
    }

    [SharedDataFact]
    public void XLK_up_nights_measured_on_real_closes_of_Samsung_Electronics_and_SK_Hynix()
    {
        var xlk = Closes("us/XLK.csv");
        var members = new[] { Closes("kr/005930.csv"), Closes("kr/000660.csv") };
        var bars = new[] { Bars("kr/005930.csv"), Bars("kr/000660.csv") };

        var measured = SignalHistory.Measure(xlk, bars, SignalDirection.Up);
        var (days, hitRate, average) = Straightforward(xlk, members, up: true);
        var measuredDown = SignalHistory.Measure(xlk, bars, SignalDirection.Down);
        var (downDays, downHitRate, downAverage) = Straightforward(xlk, members, up: false);

        Assert.True(days > 1_000, $"two decades of overlap give over a thousand up nights, not {days}");
        Assert.Equal(days, measured!.CloseToClose.Days);
        Assert.Equal(hitRate, measured.CloseToClose.HitRate, 1e-12);
        Assert.Equal(average, measured.CloseToClose.AverageReturn, 1e-9);
        Assert.Equal(downDays, measuredDown!.CloseToClose.Days);
        Assert.Equal(downHitRate, measuredDown.CloseToClose.HitRate, 1e-12);
        Assert.Equal(downAverage, measuredDown.CloseToClose.AverageReturn, 1e-9);
        // The overnight gap is most of the signal: what the open leaves to a trader is far smaller than close to close.
        Assert.True(Math.Abs(measured.OpenToClose!.AverageReturn) < Math.Abs(measured.CloseToClose.AverageReturn),
            $"open→close {measured.OpenToClose.AverageReturn:F3}% vs close→close {measured.CloseToClose.AverageReturn:F3}%");
        Assert.True(measured.AfterCosts!.AverageReturn < measured.OpenToClose.AverageReturn);
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

    private static IReadOnlyList<DailyBar> Bars(string file) =>
        [.. SharedData.Daily(file).Select(r => new DailyBar(r.Date, (long)r.Open, (long)r.High, (long)r.Low, (long)r.Close, r.Volume, 0))];

    private static IReadOnlyList<DailyClose> Closes(string file) => [.. SharedData.Daily(file).Select(r => new DailyClose(r.Date, r.Close))];
}

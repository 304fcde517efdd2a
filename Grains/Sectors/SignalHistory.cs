using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Strategy;
using Gslts.Krx;

namespace Gslts.Grains.Sectors;

/// <summary>Which way of a US session's move is the signal: up for the sectors expected strong, down for the weak.</summary>
public enum SignalDirection
{
    Up,
    Down,
}

/// <summary>
/// How a US sector's move did as a signal for its Korean sector's next trading day, measured on daily bars. Pure:
/// no Orleans, no I/O.
/// </summary>
public static class SignalHistory
{
    public const string CloseToCloseLabel = "전일 종가→당일 종가 (밤사이 갭 포함: 시초가에 이미 반영되어 08:00 계획으로는 잡을 수 없는 부분이 들어 있음)";
    public const string OpenToCloseLabel = "당일 시가→종가 (시가에 사서 종가에 팔 때 잡을 수 있는 부분, 비용 전)";
    public const string AfterCostsLabel = "시가 매수→종가 매도 왕복 (수수료 양쪽·증권거래세 차감 후)";

    /// <summary>
    /// For every KRX trading day D (a date on which any member has a bar) with a US session s before it that came
    /// after the previous KRX day P (P ≤ s &lt; D, the latest such s: the one a morning plan on D reads) and moved the
    /// signal's way (close over the ETF's previous close; strictly up or down), the sector's return on D as the
    /// equal-weight average over its members (members without the prices left out), three ways: close P → close D;
    /// open D → close D; and that open-to-close round trip after <paramref name="fees"/>. A day is a hit when the return
    /// went the signal's way; averages are in percent. Days on or after <paramref name="before"/> are not counted (no
    /// look-ahead). Null when no day qualifies.
    /// </summary>
    /// <param name="etf">The ETF's closes, oldest first, one per date.</param>
    /// <param name="members">Each member's daily bars, oldest first, one per date.</param>
    public static SignalStats? Measure(
        IReadOnlyList<DailyClose> etf, IReadOnlyList<IReadOnlyList<DailyBar>> members, SignalDirection direction, DateOnly? before = null, Fees? fees = null)
    {
        fees ??= Fees.Kiwoom;
        var calendar = members.SelectMany(m => m.Select(b => b.Date)).Distinct().Order().ToArray();
        var bars = members.Select(m => m.Where(b => b.Close > 0).ToDictionary(b => b.Date)).ToArray();
        var (closeToClose, openToClose, afterCosts) = (new Tally(direction), new Tally(direction), new Tally(direction));
        var session = -1;
        for (var k = 1; k < calendar.Length; k++)
        {
            var (previous, day) = (calendar[k - 1], calendar[k]);
            if (before is { } end && day >= end) break;
            while (session + 1 < etf.Count && etf[session + 1].Date < day) session++;
            if (session < 1 || etf[session].Date < previous || etf[session - 1].Close <= 0) continue;

            var move = etf[session].Close / etf[session - 1].Close - 1m;
            if (direction == SignalDirection.Up ? move <= 0 : move >= 0) continue;

            closeToClose.Add(Average(bars, b => b.TryGetValue(previous, out var from) && b.TryGetValue(day, out var to) ? (double)((decimal)to.Close / from.Close) - 1 : null));
            openToClose.Add(Average(bars, b => b.TryGetValue(day, out var bar) && bar.Open > 0 ? (double)((decimal)bar.Close / bar.Open) - 1 : null));
            afterCosts.Add(Average(bars, b => b.TryGetValue(day, out var bar) && bar.Open > 0 ? (double)fees.RoundTripReturn(bar.Open, bar.Close, day) : null));
        }

        return closeToClose.Result(CloseToCloseLabel) is { } measured
            ? new SignalStats(measured, openToClose.Result(OpenToCloseLabel), afterCosts.Result(AfterCostsLabel))
            : null;
    }

    private static double? Average(Dictionary<DateOnly, DailyBar>[] members, Func<Dictionary<DateOnly, DailyBar>, double?> returnOf)
    {
        var total = 0d;
        var count = 0;
        foreach (var member in members)
        {
            if (returnOf(member) is not { } value) continue;
            total += value;
            count++;
        }

        return count == 0 ? null : total / count;
    }

    private sealed class Tally(SignalDirection direction)
    {
        private int days;
        private int hits;
        private double sum;

        public void Add(double? sectorReturn)
        {
            if (sectorReturn is not { } value) return;
            days++;
            sum += value;
            if (direction == SignalDirection.Up ? value > 0 : value < 0) hits++;
        }

        public SignalReturn? Result(string label) => days == 0 ? null : new SignalReturn(label, days, (double)hits / days, sum / days * 100);
    }
}

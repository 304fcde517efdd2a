namespace Gslts.KiwoomSim.Market;

/// <summary>KRX's U-shaped day: trading is busiest just after the open and before the close, quietest at lunch.</summary>
public static class IntradayVolume
{
    private static readonly TimeOnly Open = new(9, 0);
    private static readonly TimeOnly LastContinuous = new(15, 20);

    /// <summary>Relative activity at <paramref name="time"/>; averages about 1 over the continuous session.</summary>
    public static double Weight(TimeOnly time)
    {
        var sinceOpen = Math.Max(0, (time - Open).TotalMinutes);
        var toClose = Math.Max(0, (LastContinuous - time).TotalMinutes);
        if (time < Open) sinceOpen = 0;
        return (0.55 + 2.5 * Math.Exp(-sinceOpen / 25) + 1.5 * Math.Exp(-toClose / 25)) / 0.93;
    }

    // Running share of a continuous session's volume by each minute after the open (0 at 09:00, 1 at 15:20).
    private static readonly double[] Cumulative = Accumulate();

    /// <summary>The share of a day's continuous-session volume traded by <paramref name="time"/>.</summary>
    public static double ShareBy(TimeOnly time)
    {
        var minutes = (time - Open).TotalMinutes;
        if (time < Open || minutes <= 0) return 0;
        if (minutes >= Cumulative.Length - 1) return 1;
        var whole = (int)minutes;
        return Cumulative[whole] + (Cumulative[whole + 1] - Cumulative[whole]) * (minutes - whole);
    }

    private static double[] Accumulate()
    {
        var minutes = (int)(LastContinuous - Open).TotalMinutes;
        var sums = new double[minutes + 1];
        for (var m = 0; m < minutes; m++) sums[m + 1] = sums[m] + Weight(Open.AddMinutes(m));
        for (var m = 0; m <= minutes; m++) sums[m] /= sums[minutes];
        return sums;
    }
}

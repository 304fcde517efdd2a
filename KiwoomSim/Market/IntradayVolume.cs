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
}

namespace Gslts.Krx;

/// <summary>One price band of the tick table: prices from <paramref name="From"/> up to the next band move in steps of <paramref name="Tick"/>.</summary>
public sealed record TickBand(long From, long Tick);

/// <summary>KRX 호가가격단위 for KOSPI and KOSDAQ stocks (bands in force since 2023-01-25).</summary>
public static class TickSize
{
    /// <summary>The bands, highest first.</summary>
    public static IReadOnlyList<TickBand> Bands { get; } =
    [
        new(500_000, 1_000),
        new(200_000, 500),
        new(50_000, 100),
        new(20_000, 50),
        new(5_000, 10),
        new(2_000, 5),
        new(1, 1),
    ];

    public static long Of(long price)
    {
        foreach (var (from, tick) in Bands)
        {
            if (price >= from) return tick;
        }

        throw new ArgumentOutOfRangeException(nameof(price), price, "A price must be at least 1 won.");
    }

    public static bool IsValid(long price) => price >= 1 && price % Of(price) == 0;

    /// <summary>The highest valid price at or below <paramref name="price"/>.</summary>
    public static long RoundDown(long price)
    {
        var down = price - price % Of(price);
        return down >= 1 ? down : 1;
    }

    /// <summary>The lowest valid price at or above <paramref name="price"/>.</summary>
    public static long RoundUp(long price)
    {
        if (price < 1) return 1;
        var tick = Of(price);
        var up = price % tick == 0 ? price : price - price % tick + tick;
        // Rounding up can cross into a coarser band whose grid it must sit on too.
        return IsValid(up) ? up : RoundUp(up);
    }

    /// <summary>The valid price <paramref name="ticks"/> steps away (negative = down), never below 1.</summary>
    public static long Step(long price, int ticks)
    {
        var p = price;
        for (var i = 0; i < Math.Abs(ticks); i++)
        {
            p = ticks > 0 ? p + Of(p) : p > 1 ? p - Of(p - 1) : 1;
        }

        return p;
    }
}

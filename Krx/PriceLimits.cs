namespace Gslts.Krx;

/// <summary>The daily ±30% price limits (상한가/하한가) around a base price (기준가).</summary>
public sealed record PriceLimits(long Base, long Upper, long Lower)
{
    public const decimal Rate = 0.30m;

    /// <summary>Width = base × 30% truncated to the base price's tick; upper rounded down, lower rounded up to valid ticks.</summary>
    public static PriceLimits From(long basePrice)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(basePrice, 1);
        var tick = TickSize.Of(basePrice);
        var width = (long)(basePrice * Rate) / tick * tick;
        return new PriceLimits(basePrice, TickSize.RoundDown(basePrice + width), TickSize.RoundUp(Math.Max(1, basePrice - width)));
    }

    public bool Contains(long price) => price >= Lower && price <= Upper;

    public long Clamp(long price) => Math.Clamp(price, Lower, Upper);
}

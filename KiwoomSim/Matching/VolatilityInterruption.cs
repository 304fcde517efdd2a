namespace Gslts.KiwoomSim.Matching;

/// <summary>
/// One stock's VI thresholds in percent: static from the last single price, dynamic from the price just before the
/// incoming order (KRX: 10%; 3% for KOSPI200 names, 6% for others).
/// </summary>
public sealed record ViRule(decimal StaticPercent, decimal DynamicPercent)
{
    /// <summary>
    /// The prices a trade may print at without a VI, as the open interval (Low, High) around <paramref name="reference"/>:
    /// worked out once per reference, so matching compares integers.
    /// </summary>
    public static (long Low, long High) Band(long reference, decimal percent) =>
        reference <= 0 || percent <= 0
            ? (long.MinValue, long.MaxValue)
            : ((long)Math.Floor(reference * (1 - percent / 100)), (long)Math.Ceiling(reference * (1 + percent / 100)));

    public static bool Inside((long Low, long High) band, long price) => price > band.Low && price < band.High;
}

/// <summary>Which band a trade would have broken (Kiwoom 1225 VI적용구분: 정적, 동적, 동적+정적).</summary>
public enum ViKind
{
    Static,
    Dynamic,
    Both,
}

/// <summary>
/// A volatility interruption: the trade at <paramref name="Price"/> did not happen; the stock went to a call auction.
/// </summary>
/// <param name="StaticReference">The last single price (the open, or the last VI's).</param>
/// <param name="DynamicReference">The price just before the order that would have traded at <paramref name="Price"/>.</param>
public readonly record struct ViTrigger(ViKind Kind, long Price, long StaticReference, long DynamicReference)
{
    public bool Up => Price > (Kind == ViKind.Dynamic ? DynamicReference : StaticReference);

    /// <summary>
    /// The kind of VI a trade at <paramref name="price"/> sets off under <paramref name="rule"/>, or null when it may trade.
    /// A move of exactly the threshold triggers it (Kiwoom's own example shows +10.00%).
    /// </summary>
    public static ViTrigger? Check(ViRule rule, long price, long staticReference, long dynamicReference)
    {
        var breaksStatic = Breaks(price, staticReference, rule.StaticPercent);
        var breaksDynamic = Breaks(price, dynamicReference, rule.DynamicPercent);
        if (!breaksStatic && !breaksDynamic) return null;
        var kind = breaksStatic && breaksDynamic ? ViKind.Both : breaksStatic ? ViKind.Static : ViKind.Dynamic;
        return new ViTrigger(kind, price, staticReference, dynamicReference);
    }

    private static bool Breaks(long price, long reference, decimal percent) =>
        reference > 0 && percent > 0 && Math.Abs(price - reference) * 100m >= percent * reference;
}

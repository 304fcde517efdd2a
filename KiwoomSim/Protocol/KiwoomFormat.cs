using System.Globalization;

namespace Gslts.KiwoomSim.Protocol;

/// <summary>Kiwoom's string formats: every number a string, prices signed by direction vs the base price.</summary>
public static class KiwoomFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"+70200" above the base, "-69800" below, "70000" at it.</summary>
    public static string Signed(long price, long basePrice) =>
        price > basePrice ? "+" + price.ToString(Invariant) : price < basePrice ? "-" + price.ToString(Invariant) : price.ToString(Invariant);

    /// <summary>A signed number: "+1200", "-800", "0".</summary>
    public static string Signed(long value) => value > 0 ? "+" + value.ToString(Invariant) : value.ToString(Invariant);

    /// <summary>Change rate in percent with two decimals and a sign: "+1.71", "-0.14", "0.00".</summary>
    public static string Rate(long price, long basePrice)
    {
        var rate = basePrice == 0 ? 0m : Math.Round((price - basePrice) * 100m / basePrice, 2, MidpointRounding.AwayFromZero);
        return (rate > 0 ? "+" : "") + rate.ToString("0.00", Invariant);
    }

    /// <summary>A share in percent with two decimals, minus sign only: "46.25", "-52.71", "0.00" (zero when <paramref name="whole"/> is 0).</summary>
    public static string Percent(long part, long whole) =>
        (whole == 0 ? 0m : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero)).ToString("0.00", Invariant);

    /// <summary>전일대비기호: 1 상한, 2 상승, 3 보합, 4 하한, 5 하락.</summary>
    public static string SignCode(long price, long basePrice, long upper, long lower) =>
        price >= upper ? "1" : price <= lower ? "4" : price > basePrice ? "2" : price < basePrice ? "5" : "3";

    /// <summary>전일대비기호 of a price against a base price and that day's ±30% limits.</summary>
    public static string SignCode(long price, long basePrice)
    {
        if (basePrice < 1) return "3";
        var limits = PriceLimits.From(basePrice);
        return SignCode(price, basePrice, limits.Upper, limits.Lower);
    }

    /// <summary>Zero-padded to <paramref name="width"/> characters, a minus sign taking the first: "000000000017534", "-00000000000084".</summary>
    public static string Padded(long value, int width = 15) =>
        value < 0 ? "-" + Math.Abs(value).ToString("D" + (width - 1), Invariant) : value.ToString("D" + width, Invariant);

    public static string Time(TimeOnly time) => time.ToString("HHmmss", Invariant);

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", Invariant);

    public static string KstDateTime(DateTimeOffset instant) =>
        instant.ToOffset(TimeSpan.FromHours(9)).ToString("yyyyMMddHHmmss", Invariant);

    public static string Number(long value) => value.ToString(Invariant);
}

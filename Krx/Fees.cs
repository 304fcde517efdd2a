namespace Gslts.Krx;

/// <summary>
/// Broker commission on both sides and 증권거래세 on sells, rounded down to the won. The tax rate follows the
/// settlement date (T+2 trading days), so the last trades of December pay the next year's rate.
/// </summary>
public sealed class Fees(decimal commissionRate, IReadOnlyDictionary<int, decimal> taxRateByYear, KrxCalendar calendar)
{
    /// <summary>Kiwoom's online commission (about 0.015%, configurable where it is used) and the enacted tax rates (KOSPI incl. 농특세, KOSDAQ alike).</summary>
    public static Fees Kiwoom { get; } = new(0.00015m, new Dictionary<int, decimal>
    {
        [2023] = 0.0020m,
        [2024] = 0.0018m,
        [2025] = 0.0015m,
        [2026] = 0.0020m,
    }, KrxCalendar.Default);

    public decimal CommissionRate { get; } = commissionRate;

    public IReadOnlyDictionary<int, decimal> TaxRateByYear { get; } = taxRateByYear;

    public long Commission(long amount) => (long)Math.Floor(amount * CommissionRate);

    public long Tax(long sellAmount, DateOnly tradeDate) => (long)Math.Floor(sellAmount * TaxRate(Settlement(tradeDate)));

    /// <summary>The latest known rate at or before the settlement year.</summary>
    public decimal TaxRate(DateOnly settlement) =>
        TaxRateByYear.Where(r => r.Key <= settlement.Year).OrderByDescending(r => r.Key).Select(r => r.Value).FirstOrDefault();

    /// <summary>Cash moves T+2: two trading days after the trade, skipping weekends and KRX holidays.</summary>
    public DateOnly Settlement(DateOnly tradeDate) => calendar.AddTradingDays(tradeDate, 2);

    /// <summary>What a round trip of <paramref name="quantity"/> shares bought at <paramref name="buy"/> and sold at <paramref name="sell"/> on <paramref name="date"/> nets after commission on both sides and the tax on the sell.</summary>
    public long RoundTripProfit(long buy, long sell, long quantity, DateOnly date)
    {
        var (bought, sold) = (buy * quantity, sell * quantity);
        return sold - bought - Commission(bought) - Commission(sold) - Tax(sold, date);
    }

    /// <summary>A round trip's net return as a fraction of the money put in (commission both sides, tax on the sell; won rounding left out).</summary>
    public decimal RoundTripReturn(decimal buy, decimal sell, DateOnly date)
    {
        if (buy <= 0) throw new ArgumentOutOfRangeException(nameof(buy), buy, "A buy price must be positive.");
        var tax = TaxRate(Settlement(date));
        return (sell * (1 - CommissionRate - tax) - buy * (1 + CommissionRate)) / buy;
    }
}

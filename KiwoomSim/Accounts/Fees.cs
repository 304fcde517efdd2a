namespace Gslts.KiwoomSim.Accounts;

/// <summary>
/// Broker commission on both sides and 증권거래세 on sells, rounded down to the won. The tax rate follows the
/// settlement year (T+2), so the last trades of December pay the next year's rate.
/// </summary>
public sealed class Fees(decimal commissionRate, IReadOnlyDictionary<int, decimal> taxRateByYear)
{
    public static Fees Kiwoom { get; } = new(0.00015m, new Dictionary<int, decimal>
    {
        [2023] = 0.0020m,
        [2024] = 0.0018m,
        [2025] = 0.0015m,
        [2026] = 0.0020m,
    });

    public decimal CommissionRate { get; } = commissionRate;

    public long Commission(long amount) => (long)Math.Floor(amount * CommissionRate);

    public long Tax(long sellAmount, DateOnly tradeDate) => (long)Math.Floor(sellAmount * TaxRate(Settlement(tradeDate)));

    /// <summary>The latest known rate at or before the settlement year.</summary>
    public decimal TaxRate(DateOnly settlement) =>
        taxRateByYear.Where(r => r.Key <= settlement.Year).OrderByDescending(r => r.Key).Select(r => r.Value).FirstOrDefault();

    /// <summary>T+2 in trading days, counting weekends (holidays come with the calendar).</summary>
    public static DateOnly Settlement(DateOnly tradeDate)
    {
        var day = tradeDate;
        for (var left = 2; left > 0;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) left--;
        }

        return day;
    }
}

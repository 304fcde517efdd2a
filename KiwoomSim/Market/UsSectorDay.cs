namespace Gslts.KiwoomSim.Market;

/// <summary>
/// The day's hidden input: how each US sector ETF moved in the last US session (percent), and how that tilts the
/// Korean sectors mapped to it. Deterministic from the seed and the trading date.
/// </summary>
public sealed class UsSectorDay
{
    /// <summary>The design's sector map: US sector ETF → Korean sectors it leads.</summary>
    public static IReadOnlyDictionary<string, string[]> SectorMap { get; } = new Dictionary<string, string[]>
    {
        ["XLK"] = ["IT", "반도체"],
        ["XLF"] = ["금융"],
        ["XLE"] = ["에너지", "정유"],
        ["XLV"] = ["제약", "바이오"],
        ["XLI"] = ["산업재"],
        ["XLP"] = ["필수소비재"],
        ["XLY"] = ["자동차", "유통"],
        ["XLU"] = ["유틸리티"],
        ["XLB"] = ["화학", "소재"],
        ["XLRE"] = ["부동산"],
        ["XLC"] = ["통신"],
    };

    /// <summary>How much of the US moves carries over to Korea the next day.</summary>
    public const double MarketCarry = 0.5;
    public const double SectorCarry = 0.6;

    public UsSectorDay(int seed, DateOnly tradingDate)
    {
        var random = new Random(Seeds.Mix(seed, tradingDate.DayNumber));
        Spy = Math.Round(Normal(random) * 1.0, 2);
        Moves = SectorMap.Keys.ToDictionary(etf => etf, etf => Math.Round(0.9 * Spy + Normal(random) * 0.9, 2));
        PreviousSession = Previous(tradingDate);
    }

    /// <summary>S&amp;P 500 (SPY) change of the previous US session, percent.</summary>
    public double Spy { get; }

    /// <summary>Each sector ETF's change of the previous US session, percent.</summary>
    public IReadOnlyDictionary<string, double> Moves { get; }

    /// <summary>The US session date before the Korean trading date (the prior weekday).</summary>
    public DateOnly PreviousSession { get; }

    /// <summary>Where a Korean sector is expected to drift today, as a log return: market carry plus its ETF's excess.</summary>
    public double KoreanTilt(string sector)
    {
        var etf = SectorMap.FirstOrDefault(m => m.Value.Contains(sector)).Key;
        var sectorMove = etf is null ? Spy : Moves[etf];
        return (MarketCarry * Spy + SectorCarry * (sectorMove - Spy)) / 100;
    }

    private static DateOnly Previous(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        return day;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

namespace Gslts.Grains.Interfaces.Sectors;

/// <summary>The US ETFs the product follows: the eleven SPDR sector ETFs and SPY as the market.</summary>
public static class UsSectorSymbols
{
    /// <summary>The S&amp;P 500 ETF: the market the sectors are read against.</summary>
    public const string Market = "SPY";

    /// <summary>The sector ETFs a sector map may name, with their sector's English name.</summary>
    public static IReadOnlyDictionary<string, string> SectorEtfs { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["XLK"] = "Technology",
        ["XLF"] = "Financial",
        ["XLE"] = "Energy",
        ["XLV"] = "Healthcare",
        ["XLI"] = "Industrial",
        ["XLP"] = "Consumer Staples",
        ["XLY"] = "Consumer Discretionary",
        ["XLU"] = "Utilities",
        ["XLB"] = "Materials",
        ["XLRE"] = "Real Estate",
        ["XLC"] = "Communication",
    };

    /// <summary>Every symbol a US sector grain exists for: the sector ETFs, then the market.</summary>
    public static IReadOnlyList<string> All { get; } = [.. SectorEtfs.Keys, Market];

    public static bool IsKnown(string? symbol) => symbol == Market || (symbol is not null && SectorEtfs.ContainsKey(symbol));
}

namespace Gslts.KiwoomBridge.UsMarket;

/// <summary>Bound from <c>Gslts:UsMarket</c>: where the US sector ETFs' closes come from and when they are collected.</summary>
public sealed class UsMarketOptions
{
    public const string Section = "Gslts:UsMarket";
    public const string SimSource = "Sim";
    public const string YahooSource = "Yahoo";

    /// <summary>
    /// <see cref="SimSource"/> (default: KiwoomSim's <c>/sim/us-sectors</c>, the embedded product's stand-in for last
    /// night) or <see cref="YahooSource"/> (Yahoo Finance's v8 chart API).
    /// </summary>
    public string Source { get; set; } = SimSource;

    /// <summary>KST time of day of the morning collection, before the strategy's build time. One also runs at start.</summary>
    public TimeOnly CollectAt { get; set; } = new(7, 0);

    public string YahooBaseUrl { get; set; } = "https://query1.finance.yahoo.com";

    /// <summary>Yahoo's range of daily bars asked for (1mo, 3mo, 1y, …): a year, as the signals' history reads a year of closes.</summary>
    public string YahooRange { get; set; } = "1y";

    /// <summary>KiwoomSim's address; defaults to the first of <c>Gslts:Sim:Urls</c>.</summary>
    public string? SimUrl { get; set; }

    /// <summary>First wait after a failed collection; doubled on each failure up to <see cref="LongestRetry"/>.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan LongestRetry { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool UsesYahoo => string.Equals(Source, YahooSource, StringComparison.OrdinalIgnoreCase);
}

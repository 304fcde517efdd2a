namespace Gslts.Client.Web.Market;

/// <summary>Bound from <c>Gslts:Web:Market</c>.</summary>
public sealed class MarketHubOptions
{
    public const string Section = "Gslts:Web:Market";

    /// <summary>Shortest gap between two pushes of the same stock to browsers (default 100 ms = 10/s).</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a stock grain keeps publishing after this node last said a browser shows it (renewed at a third of it).</summary>
    public TimeSpan WatchLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Stocks one connection watches at once (1–20, default 1): watching one more drops the one watched longest ago.</summary>
    public int MaxWatchesPerConnection { get; set; } = 1;
}

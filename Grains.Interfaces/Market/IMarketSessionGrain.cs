namespace Gslts.Grains.Interfaces.Market;

/// <summary>The market's session (key <see cref="Krx"/>), told by the bridge on every 0s and pushed to the page on change.</summary>
public interface IMarketSessionGrain : IGrainWithStringKey
{
    public const string Krx = "KRX";

    Task Report(MarketSessionReport report);

    Task<MarketStatus> Get();
}

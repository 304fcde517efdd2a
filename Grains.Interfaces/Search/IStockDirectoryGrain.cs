using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Interfaces.Search;

/// <summary>The market's stock directory (key <see cref="Krx"/>): the stock master's listings, searchable.</summary>
public interface IStockDirectoryGrain : IGrainWithStringKey
{
    public const string Krx = "KRX";

    /// <summary>The whole stock master as loaded (kept across restarts).</summary>
    Task SetListings(IReadOnlyList<StockListing> listings);

    /// <summary>The day's 거래대금 of stocks that traded (from the ranking, about once a second), to order hits.</summary>
    Task ReportTradingValues(IReadOnlyDictionary<string, long> values);

    /// <summary>The codes of the stock master as loaded; empty until a stock master was loaded.</summary>
    Task<string[]> GetCodes();

    /// <summary>Stocks by code, Korean name, 초성 or English name: best match kind first, then by 거래대금.</summary>
    Task<IReadOnlyList<StockSearchHit>> Search(string query, int limit);
}

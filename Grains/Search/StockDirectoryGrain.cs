using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Search;
using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Search;

/// <summary>The searchable stock directory: listings stored, the index rebuilt when they change, hits ordered by the day's 거래대금.</summary>
public sealed class StockDirectoryGrain(
    [PersistentState("directory", StorageNames.Market)] IPersistentState<StockDirectoryState> directory) : Grain, IStockDirectoryGrain
{
    private const int MaxLimit = 50;
    private Dictionary<string, long> tradingValues = new(StringComparer.Ordinal);
    private StockSearchIndex? index;
    private string[]? codes;

    public async Task SetListings(IReadOnlyList<StockListing> listings)
    {
        if (directory.State.Listings.SequenceEqual(listings)) return;
        directory.State = new StockDirectoryState { Listings = [.. listings] };
        (index, codes) = (null, null);
        await directory.WriteStateAsync();
    }

    public Task ReportTradingValues(IReadOnlyDictionary<string, long> values)
    {
        // A new trading day's first values replace the old day's; within a day they only grow.
        tradingValues = new Dictionary<string, long>(values, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    public Task<string[]> GetCodes() => Task.FromResult(codes ??= [.. directory.State.Listings.Select(l => l.Code)]);

    public Task<IReadOnlyList<StockSearchHit>> Search(string query, int limit)
    {
        index ??= new StockSearchIndex(directory.State.Listings.Select(l =>
            new SearchEntry(l.Code, l.Name, EnglishNames.All.GetValueOrDefault(l.Code), l.Market, l.Sector)));
        return Task.FromResult(index.Find(query, Math.Clamp(limit, 1, MaxLimit), tradingValues));
    }
}

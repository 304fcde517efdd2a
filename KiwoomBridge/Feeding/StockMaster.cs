using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Rest;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// The broker's list of listed stocks (ka10099, KOSPI then KOSDAQ), asked at most once per <see cref="MaxAge"/>: the
/// stock master loader and the real-time feed's universe share one answer.
/// </summary>
public sealed class StockMaster(KiwoomApi api, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    private static readonly (string Code, string Name)[] Markets = [("0", "KOSPI"), ("10", "KOSDAQ")];

    private readonly SemaphoreSlim gate = new(1, 1);
    private (DateTimeOffset At, IReadOnlyList<StockListing> Listings)? last;

    public async Task<IReadOnlyList<StockListing>> ListingsAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (last is { } known && now - known.At < MaxAge) return known.Listings;
            var listings = new List<StockListing>();
            foreach (var (code, market) in Markets)
            {
                await foreach (var listing in api.StockListAsync(code, cancellationToken))
                {
                    listings.Add(new StockListing(listing.Code, listing.Name, market, listing.Sector, listing.PreviousClose));
                }
            }

            last = (now, listings);
            return listings;
        }
        finally
        {
            gate.Release();
        }
    }
}

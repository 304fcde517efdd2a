using Gslts.Grains.Interfaces.Search;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// Loads the broker's stock master (ka10099, KOSPI and KOSDAQ) into the stock grains at start and again every morning
/// at <see cref="ReloadAt"/> KST, so names and sectors follow listings and delistings.
/// </summary>
public sealed class StockMasterLoader(
    StockMaster master, IGrainFactory grains, IOptions<KiwoomOptions> options, TimeProvider time, ILogger<StockMasterLoader> logger) : BackgroundService
{
    public static readonly TimeOnly ReloadAt = new(7, 30);
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public int Loaded { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (options.Value.LoadStockMaster && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                Loaded = await LoadAsync(stoppingToken);
                logger.LogInformation("Stock master loaded: {Count} listings", Loaded);
                await Task.Delay(UntilNextReload(), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Stock master load failed ({Reason}); trying again in a minute", e.Message);
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var listings = await master.ListingsAsync(cancellationToken);
        // The directory first: the web serves only its stocks, and thousands of grains take a while to take their names.
        await grains.GetGrain<IStockDirectoryGrain>(IStockDirectoryGrain.Krx).SetListings(listings);
        // A bounded number of grain calls in flight: thousands of listings, not thousands of waiting tasks.
        foreach (var chunk in listings.Chunk(64))
        {
            await Task.WhenAll(chunk.Select(listing => grains.GetGrain<IStockGrain>(listing.Code).SetListing(listing)));
        }

        return listings.Count;
    }

    private TimeSpan UntilNextReload()
    {
        var now = time.GetUtcNow().ToOffset(Kst);
        var next = new DateTimeOffset(DateOnly.FromDateTime(now.DateTime).ToDateTime(ReloadAt), Kst);
        if (next <= now) next = next.AddDays(1);
        return next - now;
    }
}

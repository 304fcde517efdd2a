using Gslts.Grains.Interfaces.Stocks;
using Microsoft.Extensions.Logging;

namespace Gslts.Grains.Stocks;

/// <summary>
/// The stock grain's storage: what changed since the last write (the day's summary, the minutes that changed, the
/// listing when it did) goes to the silo's store, which writes it with the other stocks' changes; the receipt's
/// Persisted moves only once a write is durable. A re-activation restores the day and its candles exactly as stored.
/// </summary>
public sealed partial class StockGrain
{
    // Bumped on every change of the day; what storage holds is as new as savedVersion.
    private long version;
    private long savedVersion;
    private readonly SemaphoreSlim writing = new(1, 1);
    // What storage holds: the feed keeps every trade above it until it is written.
    private (DateOnly Date, long Volume) persisted;
    private StockListing? storedListing;
    private Task flushing = Task.CompletedTask;

    private void Restore(StoredStockDay stored)
    {
        day = stored.Day;
        (persisted, storedListing) = ((day.TradingDate, day.Volume), day.Listing);
        // The summary and the candles were written in one transaction: the candles cover exactly the day's volume.
        if (stored.Candles.Count > 0) minutes.Restore(day.TradingDate, stored.Candles, day.Volume);
    }

    /// <summary>
    /// Starts a write of what changed, unless one is under way: the timer goes on meanwhile (a write waits for the silo's
    /// next commit), and the tick after the write writes what changed during it.
    /// </summary>
    private void FlushSoon()
    {
        if (version != savedVersion && flushing.IsCompleted) flushing = FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (version == savedVersion) return;

        try
        {
            await WriteAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Kept unsaved: the next flush writes it again; the day stays live in memory meanwhile (the store logs the failure once for all).
            logger.LogDebug(e, "Could not store the day of {Code}; will retry", Code);
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            if (version == savedVersion) return;
            // Taken in one turn, so the summary and the candles are of the same moment.
            var (written, at) = (day, version);
            var withCandles = minutes.Date == written.TradingDate;
            var write = new StockDayWrite(Code, written, withCandles ? minutes.Unstored() : [],
                ListingChanged: written.Listing is not null && written.Listing != storedListing, DayStarted: written.TradingDate > persisted.Date);
            await store.WriteAsync(write, cancellationToken);
            (persisted, savedVersion, storedListing) = ((written.TradingDate, written.Volume), at, written.Listing);
            if (withCandles) minutes.MarkStored();
        }
        finally
        {
            writing.Release();
        }
    }
}

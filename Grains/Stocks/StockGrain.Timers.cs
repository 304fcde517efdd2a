using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.Extensions.Logging;

namespace Gslts.Grains.Stocks;

/// <summary>The stock grain's timers: publishing while watched, and every second reporting to the ranking and storing what changed.</summary>
public sealed partial class StockGrain
{
    // Trades a snapshot carries at most (the page's 체결 list shows the newest).
    private const int PublishedTrades = 30;
    private StockTrading? reported;

    /// <summary>
    /// Arms the publish timer: at once, or when <see cref="PublishInterval"/> since the last publish is over. Publishing
    /// waits for the stream's queue, so it never runs inside a feed call (the feed's answer would wait for it too).
    /// </summary>
    private void PublishSoon()
    {
        if ((!snapshotPending && !bookPending) || publishArmed || publishing || !Watched) return;
        var wait = lastPublished == 0 ? TimeSpan.Zero : PublishInterval - time.GetElapsedTime(lastPublished);
        publishLater ??= this.RegisterGrainTimer(PublishDueAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        publishLater.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        publishArmed = true;
    }

    // Interleaved with feed calls: each message is taken as it is sent (the newest state then), and only one runs at a time.
    private async Task PublishDueAsync(CancellationToken cancellationToken)
    {
        (publishArmed, publishing, lastPublished) = (false, true, time.GetTimestamp());
        try
        {
            if (!Watched) return;

            if (snapshotPending)
            {
                snapshotPending = false;
                var trades = recent.Latest(PublishedTrades, tradesPublished);
                tradesPublished = recent.Added;
                await stream!.OnNextAsync(Snapshot(trades));
            }

            if (bookPending && book is not null)
            {
                bookPending = false;
                await bookStream!.OnNextAsync(book);
            }
        }
        finally
        {
            publishing = false;
        }

        PublishSoon();
    }

    /// <summary>Every second: storage gets what changed (the timer does not wait for it), the ranking hears of the day.</summary>
    private Task EverySecondAsync(CancellationToken cancellationToken)
    {
        FlushSoon();
        return ReportTradingAsync();
    }

    /// <summary>
    /// The day's figures to this silo's ranking reporter, when they changed since the last report it took (at most once a
    /// second). A report it did not take is sent again on the next tick, even when the stock has gone quiet.
    /// </summary>
    private async Task ReportTradingAsync()
    {
        var d = day;
        if (d.TickCount == 0 || d.LastTradeTime is not { } at) return;
        if (reported is { } last && last.TradingDate == d.TradingDate && last.TradingValue == d.TradingValue && last.Name == d.Listing?.Name) return;
        var report = new StockTrading(Code, d.TradingDate, d.Listing?.Name, d.Listing?.Market, d.Listing?.Sector, d.Price, Snapshot().ChangeRate,
            d.Volume, d.TradingValue, at);
        try
        {
            await GrainFactory.GetGrain<IRankingReporterGrain>(0).Report(report);
            reported = report;
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Ranking report of {Code} failed; sent again on the next tick", Code);
        }
    }
}

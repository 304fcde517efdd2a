using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.Extensions.Logging;

namespace Gslts.Grains.Stocks;

/// <summary>The stock grain's timers: publishing while watched, persisting the day and its candles, reporting to the ranking.</summary>
public sealed partial class StockGrain
{
    // Trades a snapshot carries at most (the page's 체결 list shows the newest).
    private const int PublishedTrades = 30;
    private StockTrading? reported;
    private int candlesWritten = -1;

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

    /// <summary>Every second: the ranking hears of the day, storage gets what changed (neither waits for the other).</summary>
    private Task EverySecondAsync(CancellationToken cancellationToken) => Task.WhenAll(ReportTradingAsync(), FlushAsync(cancellationToken));

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (version == savedVersion) return;

        try
        {
            // Candles first: should the day's write be lost, the trades replayed into it find the candles past them.
            await WriteCandlesAsync(cancellationToken);
            await WriteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Kept unsaved: the next flush retries; the day stays live in memory meanwhile.
            logger.LogWarning(e, "Could not persist the day of {Code}; will retry", Code);
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            var (written, at) = ((day.State.TradingDate, day.State.Volume), version);
            await day.WriteStateAsync(cancellationToken);
            (persisted, savedVersion) = (written, at);
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>
    /// The day's figures to this silo's ranking reporter, when they changed since the last report it took (at most once a
    /// second). A report it did not take is sent again on the next tick, even when the stock has gone quiet.
    /// </summary>
    private async Task ReportTradingAsync()
    {
        var d = day.State;
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

    /// <summary>Writes the day's candles when a minute has closed since the last write (market time: the last trade's).</summary>
    private async Task WriteCandlesAsync(CancellationToken cancellationToken)
    {
        if (minutes.Date != day.State.TradingDate || day.State.LastTradeTime is not { } now) return;
        var closed = minutes.ClosedBefore(now);
        if (closed == candlesWritten && storedCandles.State.TradingDate == minutes.Date) return;
        storedCandles.State = new StockCandlesState { TradingDate = minutes.Date, ThroughVolume = minutes.ThroughVolume, Candles = [.. minutes.All] };
        await storedCandles.WriteStateAsync(cancellationToken);
        candlesWritten = closed;
        // The candles live in `minutes`; a second copy held for the next write would double the grain's memory.
        storedCandles.State = storedCandles.State with { Candles = [] };
    }

    /// <summary>
    /// After a re-activation: the candles as last written. Trades between their volume and the day's were applied before
    /// a crash but written only with the day, so the candles of those minutes are short of them (logged).
    /// </summary>
    private void RestoreCandles()
    {
        var stored = storedCandles.State;
        if (stored.TradingDate != day.State.TradingDate || stored.Candles.Length == 0) return;
        minutes.Restore(stored.TradingDate, stored.Candles, stored.ThroughVolume);
        storedCandles.State = stored with { Candles = [] };
        if (stored.ThroughVolume < day.State.Volume)
        {
            logger.LogWarning("{Code}: minute candles resume at volume {Candles}, the day at {Day}; the last minutes are short of {Missing} shares",
                Code, stored.ThroughVolume, day.State.Volume, day.State.Volume - stored.ThroughVolume);
        }
    }
}

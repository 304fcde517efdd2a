using System.Diagnostics;
using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Streams;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Gslts.Grains.Stocks;

/// <summary>One stock's live day: applies trade batches, publishes snapshots and books, persists the day summary.</summary>
public sealed class StockGrain(
    [PersistentState("day", StorageNames.Market)] IPersistentState<StockDayState> day,
    ILogger<StockGrain> logger) : Grain, IStockGrain
{
    // Writing on every batch would make storage the bottleneck; the feed's journal replays what a crash loses.
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    // Screens need at most ten updates a second per stock; publishing every batch would make the streams the bottleneck.
    private static readonly TimeSpan PublishInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ShortestLease = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestLease = TimeSpan.FromMinutes(5);

    private IAsyncStream<StockSnapshot>? stream;
    private IAsyncStream<OrderBook>? bookStream;
    // The book changes many times a second and is rebuilt by the feed after a restart: kept in memory only.
    private OrderBook? book;
    // Bumped on every change of the day; what storage holds is as new as savedVersion.
    private long version;
    private long savedVersion;
    private readonly SemaphoreSlim writing = new(1, 1);
    private bool snapshotPending;
    private bool bookPending;
    private long lastPublished;
    // Stopwatch time until which someone watches the stock (its streams are published only then).
    private long watchedUntil;
    private IGrainTimer? publishLater;
    private bool publishArmed;
    private bool publishing;
    // What storage holds: the feed keeps every trade above it until it is written.
    private (DateOnly Date, long Volume) persisted;

    private string Code => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var provider = this.GetStreamProvider(StreamNames.Provider);
        stream = provider.GetStream<StockSnapshot>(StreamNames.ForStock(Code));
        bookStream = provider.GetStream<OrderBook>(StreamNames.ForBook(Code));
        persisted = (day.State.TradingDate, day.State.Volume);
        // Interleaved: a slow write must not hold the feed up (the day is an immutable record; storage takes the one current then).
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
    }

    public Task<FeedReceipt> Ingest(Tick[] ticks)
    {
        Change(StockDay.Apply(day.State, ticks));
        return Task.FromResult(Receipt());
    }

    public Task<FeedReceipt> Feed(Tick[] ticks, OrderBook? update)
    {
        Change(StockDay.Apply(day.State, ticks));
        if (update is not null && (book is null || update.Time >= book.Time)) (book, bookPending) = (update, true);
        PublishSoon();
        return Task.FromResult(Receipt());
    }

    public Task<FeedReceipt> SkipGap(DateOnly date, long throughVolume)
    {
        var next = StockDay.Skip(day.State, date, throughVolume);
        if (!ReferenceEquals(next, day.State))
        {
            logger.LogError("{Code}: trades of {Date} up to volume {Through} could not be recovered; {Missed} shares skipped",
                Code, date, throughVolume, next.MissedVolume - day.State.MissedVolume);
        }

        Change(next);
        return Task.FromResult(Receipt());
    }

    public Task<StockSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public Task<StockSnapshot> Watch(TimeSpan lease)
    {
        var until = Stopwatch.GetTimestamp() + (long)(Math.Clamp(lease.Ticks, ShortestLease.Ticks, LongestLease.Ticks) * (Stopwatch.Frequency / (double)TimeSpan.TicksPerSecond));
        var newWatch = !Watched;
        watchedUntil = Math.Max(watchedUntil, until);
        if (newWatch)
        {
            // A new watcher's stream starts from the current state.
            (snapshotPending, bookPending) = (true, book is not null);
            PublishSoon();
        }

        return Task.FromResult(Snapshot());
    }

    public Task UpdateBook(OrderBook update)
    {
        if (book is null || update.Time >= book.Time) (book, bookPending) = (update, true);
        PublishSoon();
        return Task.CompletedTask;
    }

    public Task<OrderBook?> GetBook() => Task.FromResult(book);

    public async Task SetListing(StockListing listing)
    {
        if (day.State.Listing == listing) return;
        day.State = day.State with { Listing = listing };
        version++;
        // Rare and small: written at once so a restart keeps the name even before the first trade.
        await WriteAsync(CancellationToken.None);
    }

    private StockSnapshot Snapshot() => StockDay.ToSnapshot(Code, day.State);

    private bool Watched => Stopwatch.GetTimestamp() < watchedUntil;

    private FeedReceipt Receipt() =>
        new(day.State.TradingDate, day.State.Volume, persisted.Date == day.State.TradingDate ? persisted.Volume : 0, day.State.LastTradeTime);

    private void Change(StockDayState next)
    {
        if (ReferenceEquals(next, day.State)) return;
        (day.State, snapshotPending) = (next, true);
        version++;
        PublishSoon();
    }

    /// <summary>
    /// Arms the publish timer: at once, or when <see cref="PublishInterval"/> since the last publish is over. Publishing
    /// waits for the stream's queue, so it never runs inside a feed call (the feed's answer would wait for it too).
    /// </summary>
    private void PublishSoon()
    {
        if ((!snapshotPending && !bookPending) || publishArmed || publishing || !Watched) return;
        var wait = lastPublished == 0 ? TimeSpan.Zero : PublishInterval - Stopwatch.GetElapsedTime(lastPublished);
        publishLater ??= this.RegisterGrainTimer(PublishDueAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = true });
        publishLater.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        publishArmed = true;
    }

    // Interleaved with feed calls: each message is taken as it is sent (the newest state then), and only one runs at a time.
    private async Task PublishDueAsync(CancellationToken cancellationToken)
    {
        (publishArmed, publishing, lastPublished) = (false, true, Stopwatch.GetTimestamp());
        try
        {
            if (!Watched) return;

            if (snapshotPending)
            {
                snapshotPending = false;
                await stream!.OnNextAsync(Snapshot());
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

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (version == savedVersion) return;

        try
        {
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
}

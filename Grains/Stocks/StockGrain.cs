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

    private IAsyncStream<StockSnapshot>? stream;
    private IAsyncStream<OrderBook>? bookStream;
    // The book changes many times a second and is rebuilt by the feed after a restart: kept in memory only.
    private OrderBook? book;
    private bool unsaved;
    private bool snapshotPending;
    private bool bookPending;
    private long lastPublished;
    private IGrainTimer? publishLater;
    private bool publishArmed;
    // What storage holds: the feed keeps every trade above it until it is written.
    private (DateOnly Date, long Volume) persisted;

    private string Code => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var provider = this.GetStreamProvider(StreamNames.Provider);
        stream = provider.GetStream<StockSnapshot>(StreamNames.ForStock(Code));
        bookStream = provider.GetStream<OrderBook>(StreamNames.ForBook(Code));
        persisted = (day.State.TradingDate, day.State.Volume);
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
    }

    public async Task<FeedReceipt> Ingest(Tick[] ticks)
    {
        await ChangeAsync(StockDay.Apply(day.State, ticks));
        return Receipt();
    }

    public async Task<FeedReceipt> Feed(Tick[] ticks, OrderBook? update)
    {
        var next = StockDay.Apply(day.State, ticks);
        if (!ReferenceEquals(next, day.State)) (day.State, unsaved, snapshotPending) = (next, true, true);
        if (update is not null && (book is null || update.Time >= book.Time)) (book, bookPending) = (update, true);
        await PublishAsync();
        return Receipt();
    }

    public async Task<FeedReceipt> SkipGap(DateOnly date, long throughVolume)
    {
        var next = StockDay.Skip(day.State, date, throughVolume);
        if (!ReferenceEquals(next, day.State))
        {
            logger.LogError("{Code}: trades of {Date} up to volume {Through} could not be recovered; {Missed} shares skipped",
                Code, date, throughVolume, next.MissedVolume - day.State.MissedVolume);
        }

        await ChangeAsync(next);
        return Receipt();
    }

    public Task<StockSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public async Task UpdateBook(OrderBook update)
    {
        if (book is not null && update.Time < book.Time) return;
        (book, bookPending) = (update, true);
        await PublishAsync();
    }

    public Task<OrderBook?> GetBook() => Task.FromResult(book);

    public async Task SetListing(StockListing listing)
    {
        if (day.State.Listing == listing) return;
        day.State = day.State with { Listing = listing };
        // Rare and small: written at once so a restart keeps the name even before the first trade.
        await WriteAsync(CancellationToken.None);
    }

    private StockSnapshot Snapshot() => StockDay.ToSnapshot(Code, day.State);

    private FeedReceipt Receipt() =>
        new(day.State.TradingDate, day.State.Volume, persisted.Date == day.State.TradingDate ? persisted.Volume : 0, day.State.LastTradeTime);

    private async Task ChangeAsync(StockDayState next)
    {
        if (ReferenceEquals(next, day.State)) return;
        (day.State, unsaved, snapshotPending) = (next, true, true);
        await PublishAsync();
    }

    /// <summary>Publishes what changed, or, within <see cref="PublishInterval"/> of the last publish, once that interval is over.</summary>
    private async Task PublishAsync()
    {
        if (!snapshotPending && !bookPending) return;
        var wait = PublishInterval - Stopwatch.GetElapsedTime(lastPublished);
        if (lastPublished != 0 && wait > TimeSpan.Zero)
        {
            if (publishArmed) return;
            publishLater ??= this.RegisterGrainTimer(PublishDueAsync, new GrainTimerCreationOptions(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) { Interleave = false });
            publishLater.Change(wait, Timeout.InfiniteTimeSpan);
            publishArmed = true;
            return;
        }

        lastPublished = Stopwatch.GetTimestamp();
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

    private Task PublishDueAsync(CancellationToken cancellationToken)
    {
        publishArmed = false;
        return PublishAsync();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!unsaved)
        {
            return;
        }

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
        var written = (day.State.TradingDate, day.State.Volume);
        await day.WriteStateAsync(cancellationToken);
        persisted = written;
        unsaved = false;
    }
}

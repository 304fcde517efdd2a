using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Streams;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Gslts.Grains.Stocks;

/// <summary>
/// One stock's live day: applies trade batches, publishes snapshots and books, stores the day and its minute candles
/// through the silo's <see cref="IStockStore"/> (with every other stock of the silo, what changed once a second).
/// </summary>
public sealed partial class StockGrain(
    IStockStore store,
    [PersistentState("daily", StorageNames.Market)] IPersistentState<StockDailyState> daily,
    TimeProvider time,
    ILogger<StockGrain> logger) : Grain, IStockGrain
{
    // Writing on every batch would make storage the bottleneck; the feed's journal replays what a crash loses.
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    // Screens need at most ten updates a second per stock; publishing every batch would make the streams the bottleneck.
    private static readonly TimeSpan PublishInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ShortestLease = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestLease = TimeSpan.FromMinutes(5);

    // The day as applied: an immutable record, replaced per batch (storage takes the one current at a write).
    private StockDayState day = new();
    private IAsyncStream<StockSnapshot>? stream;
    private IAsyncStream<OrderBook>? bookStream;
    // The book changes many times a second and is rebuilt by the feed after a restart: kept in memory only.
    private OrderBook? book;
    private bool snapshotPending;
    private bool bookPending;
    private long lastPublished;
    // Timestamp (of `time`) until which someone watches the stock (its streams are published only then).
    private long watchedUntil;
    private IGrainTimer? publishLater;
    private bool publishArmed;
    private bool publishing;

    private readonly MinuteCandles minutes = new();
    private readonly RecentTrades recent = new();
    // The ring's count at the last publish: a snapshot carries the trades since.
    private long tradesPublished;

    private string Code => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var provider = this.GetStreamProvider(StreamNames.Provider);
        stream = provider.GetStream<StockSnapshot>(StreamNames.ForStock(Code));
        bookStream = provider.GetStream<OrderBook>(StreamNames.ForBook(Code));
        Restore(await store.ReadAsync(Code, cancellationToken));
        // Interleaved: a slow write must not hold the feed up (the day is an immutable record; storage takes the one current then).
        this.RegisterGrainTimer(EverySecondAsync, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Storage only: a deactivating silo may be shutting down, and the ranking hears of the day from the next activation.
        try
        {
            await flushing.WaitAsync(cancellationToken);
            await FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Out of time (a slow database at shutdown): a write already queued is still committed by the silo's store, and the feed's journal keeps the rest.
            logger.LogDebug("{Code}: deactivated before its last write was confirmed", Code);
        }
    }

    public Task<FeedReceipt> Ingest(Tick[] ticks)
    {
        Take(ticks);
        return Task.FromResult(Receipt());
    }

    public Task<FeedReceipt> Feed(Tick[] ticks, OrderBook? update)
    {
        Take(ticks);
        if (update is not null && (book is null || update.Time >= book.Time)) (book, bookPending) = (update, true);
        PublishSoon();
        return Task.FromResult(Receipt());
    }

    public Task<FeedReceipt> SkipGap(DateOnly date, long throughVolume)
    {
        var next = StockDay.Skip(day, date, throughVolume);
        if (!ReferenceEquals(next, day))
        {
            logger.LogError("{Code}: trades of {Date} up to volume {Through} could not be recovered; {Missed} shares skipped",
                Code, date, throughVolume, next.MissedVolume - day.MissedVolume);
        }

        Change(next);
        return Task.FromResult(Receipt());
    }

    public Task<StockSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public Task<StockSnapshot> Watch(TimeSpan lease)
    {
        var until = time.GetTimestamp() + (long)(Math.Clamp(lease.Ticks, ShortestLease.Ticks, LongestLease.Ticks) * (time.TimestampFrequency / (double)TimeSpan.TicksPerSecond));
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

    public Task<Candle[]> GetMinuteCandles() =>
        Task.FromResult(minutes.Date == day.TradingDate ? minutes.All.ToArray() : []);

    public async Task SetDailyHistory(DailyBar[] bars)
    {
        var merged = DailyHistory.Merge(daily.State.Bars, bars);
        if (merged.AsSpan().SequenceEqual(daily.State.Bars)) return;
        daily.State = new StockDailyState { Bars = merged };
        await daily.WriteStateAsync();
    }

    public Task<DailyBar[]> GetDailyHistory() => Task.FromResult(daily.State.Bars);

    public Task<TradePrint[]> GetRecentTrades(int count) => Task.FromResult(recent.Latest(Math.Clamp(count, 1, recent.Capacity)));

    public Task SetListing(StockListing listing)
    {
        if (day.Listing == listing) return Task.CompletedTask;
        day = day with { Listing = listing };
        version++;
        // Stored with the silo's next commit (a restart keeps the name even before the first trade); the stock master's
        // thousands of listings do not each wait for one.
        FlushSoon();
        return Task.CompletedTask;
    }

    private StockSnapshot Snapshot(TradePrint[]? trades = null) =>
        StockDay.ToSnapshot(Code, day, minutes.Date == day.TradingDate ? minutes.Last : null, trades);

    /// <summary>Applies a batch to the day, and the trades it took to the minute candles and the recent trades.</summary>
    private void Take(ReadOnlySpan<Tick> ticks)
    {
        var before = day;
        var next = StockDay.Apply(before, ticks);
        if (ReferenceEquals(next, before)) return;
        if (next.TradingDate != before.TradingDate) recent.Clear();
        var from = next.TradingDate == before.TradingDate ? before.Volume : 0;
        foreach (var tick in ticks)
        {
            // Exactly the trades the day took: of its date, joining on above what it had, up to where it stopped.
            if (tick.CumulativeVolume <= from || tick.CumulativeVolume > next.Volume || tick.Price <= 0 || tick.Quantity == 0) continue;
            if (StockDay.KstDate(tick.Time) != next.TradingDate) continue;
            minutes.Add(next.TradingDate, tick);
            recent.Add(tick);
        }

        Change(next);
    }

    private bool Watched => time.GetTimestamp() < watchedUntil;

    private FeedReceipt Receipt() =>
        new(day.TradingDate, day.Volume, persisted.Date == day.TradingDate ? persisted.Volume : 0, day.LastTradeTime);

    private void Change(StockDayState next)
    {
        if (ReferenceEquals(next, day)) return;
        (day, snapshotPending) = (next, true);
        version++;
        PublishSoon();
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// Carries trades and books from the socket to the stock grains, one lane per stock: each lane's trades go in order of
/// the exchange's cumulative volume, in one call per batch, while other stocks go on in parallel. What a grain has not
/// stored yet stays in its lane (the journal) and is given again if the grain comes back without it (a silo died); a gap
/// in the volumes (a dropped socket, a lost frame) is filled from the day's tape; a lane whose grain fails retries with
/// backoff. The journal is bounded (<see cref="JournalOptions"/>): it spills to disk, and past that the socket waits.
/// </summary>
public sealed partial class TickFeeder(
    IGrainFactory grains, ITradeHistory history, IOptions<KiwoomOptions> options, TimeProvider time, ILogger<TickFeeder> logger)
    : BackgroundService
{
    private const int MaxBatch = 2_000;
    private static readonly TimeSpan Beat = TimeSpan.FromMilliseconds(250);
    // An idle lane with unstored trades asks its grain this often whether they are stored (or lost with a silo).
    private static readonly TimeSpan JournalCheck = TimeSpan.FromSeconds(2);

    private readonly Channel<FeedEvent> inbox = Channel.CreateUnbounded<FeedEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Lane> lanes = new();
    private readonly HashSet<string> dirty = [];
    private readonly ConcurrentDictionary<int, CancellationTokenSource> verifications = new();
    private CancellationToken stopping;
    private long sequence;
    private long applied;
    private long backfilled;
    private long skippedVolume;
    private long held;
    private long deliveries;

    /// <summary>A trade's arrival at the bridge to its grain's answer that it applied it.</summary>
    public FeedLatency Latency { get; } = new();

    /// <summary>A trade's arrival to the feeder's loop taking that answer (the lane is free for the next batch then).</summary>
    public FeedLatency Settled { get; } = new();

    /// <summary>A frame's arrival to the feeder's loop taking it (per frame): the loop's backlog.</summary>
    public FeedLatency Queueing { get; } = new();

    /// <summary>A grain call's start to the loop taking its answer: the grain's and the silo's share.</summary>
    public FeedLatency Calls { get; } = new();

    /// <summary>Trades the grains applied (replays after a lost grain count again).</summary>
    public long Applied => Interlocked.Read(ref applied);

    /// <summary>Trades recovered from the tape after a gap.</summary>
    public long Backfilled => Interlocked.Read(ref backfilled);

    /// <summary>Volume given up on because the tape could not supply it.</summary>
    public long SkippedVolume => Interlocked.Read(ref skippedVolume);

    /// <summary>Calls made to stock grains (deliveries, probes and retries).</summary>
    public long Deliveries => Interlocked.Read(ref deliveries);

    /// <summary>Trades held in lanes at the last beat, in memory and on disk: waiting, or applied but not yet stored.</summary>
    public long Held => Interlocked.Read(ref held);

    /// <summary>The next number of the feed's arrival order (the trade's identity is its cumulative volume; this is for tracing).</summary>
    public long NextSequence() => Interlocked.Increment(ref sequence);

    /// <summary>
    /// Accepts one frame's trades and books, which began to arrive at <paramref name="arrivedAt"/> (this feeder's
    /// <see cref="TimeProvider.GetTimestamp"/>). Blocks the socket's receive loop only while the inbox or the journal is
    /// full (the frame itself is taken first). Only the newest book per stock waiting reaches the grain, after the stock's trades.
    /// </summary>
    public void Post(ReadOnlySpan<Tick> trades, OrderBook[] books, long arrivedAt)
    {
        // A pooled copy: a frame's trades would otherwise be an array on the large object heap.
        var copy = ArrayPool<Tick>.Shared.Rent(trades.Length);
        trades.CopyTo(copy);
        inbox.Writer.TryWrite(new FrameArrived(copy, trades.Length, books, arrivedAt));
        Queued(trades.Length + books.Length);
    }

    /// <summary>Accepts one trade (numbered here), arriving now.</summary>
    public void Post(Tick tick) => Post([tick with { Sequence = NextSequence() }], [], time.GetTimestamp());

    /// <summary>Accepts one book, arriving now.</summary>
    public void Post(OrderBook book) => Post([], [book], time.GetTimestamp());

    /// <summary>
    /// After every login of a connection: asks the exchange for the day volume of each of its codes that has not traded
    /// since, so trades missed while away are recovered even for a stock that stays quiet. A newer login of the same
    /// connection cancels its older check.
    /// </summary>
    public void Resync(int connection, IReadOnlyList<string> codes)
    {
        var next = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        if (verifications.TryGetValue(connection, out var older)) older.Cancel();
        verifications[connection] = next;
        _ = VerifyAsync(codes, time.GetTimestamp(), next.Token);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        stopping = stoppingToken;
        RemoveStaleSpills();
        _ = BeatAsync(stoppingToken);
        _ = WatchSilentStocksAsync(stoppingToken);
        // The loop has a thread of its own: on the thread pool it would queue behind the silo's grain work it feeds.
        return Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Run(CancellationToken stoppingToken)
    {
        var window = options.Value.BatchWindow;
        try
        {
            while (inbox.Reader.WaitToReadAsync(stoppingToken).AsTask().GetAwaiter().GetResult())
            {
                // Frames wait a moment so each lane's call carries more trades; grains' answers are taken at once.
                if (window > TimeSpan.Zero && inbox.Reader.TryPeek(out var first) && first is FrameArrived) Task.Delay(window, time, stoppingToken).GetAwaiter().GetResult();
                var now = time.GetTimestamp();
                // At most the inbox's bound a pass, so memory is checked at least that often.
                for (var taken = 0; taken <= Bounds.InboxTrades && inbox.Reader.TryRead(out var item);)
                {
                    Handle(item, now);
                    if (item is FrameArrived f) taken += f.Count + f.Books.Length;
                }

                KeepWithinBounds();
                Dispatch();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void Handle(FeedEvent item, long now)
    {
        switch (item)
        {
            case FrameArrived f:
                Interlocked.Add(ref queued, -(f.Count + f.Books.Length));
                Queueing.Record(time.GetElapsedTime(f.ArrivedAt, now));
                var at = f.Count > 0 ? time.GetUtcNow().UtcTicks : 0;
                foreach (var tick in f.Trades.AsSpan(0, f.Count))
                {
                    var lane = LaneOf(tick.Code);
                    Volatile.Write(ref lane.LastArrival, f.ArrivedAt);
                    Volatile.Write(ref lane.LastTradeAt, at);
                    var before = lane.Trades.InMemory;
                    if (lane.Trades.Add(tick, f.ArrivedAt)) dirty.Add(lane.Code);
                    inMemory += lane.Trades.InMemory - before;
                }

                foreach (var book in f.Books)
                {
                    LaneOf(book.Code).Book = book;
                    dirty.Add(book.Code);
                }

                ArrayPool<Tick>.Shared.Return(f.Trades);

                break;
            case Delivered d:
                Calls.Record(time.GetElapsedTime(d.StartedAt, now));
                OnDelivered(LaneOf(d.Code), d, now);
                break;
            case Backfilled b:
                OnBackfilled(LaneOf(b.Code), b);
                break;
            case DayVolume v:
                OnDayVolume(v);
                break;
            case Heartbeat:
                OnBeat();
                break;
        }
    }

    private void OnDelivered(Lane lane, Delivered delivered, long now)
    {
        lane.Delivering = false;
        dirty.Add(lane.Code);
        if (delivered.Receipt is { } receipt)
        {
            var count = 0;
            var before = lane.Trades.InMemory;
            lane.Trades.Receive(receipt, tick =>
            {
                Latency.Record(time.GetElapsedTime(tick.ArrivedAt, delivered.AnsweredAt));
                Settled.Record(time.GetElapsedTime(tick.ArrivedAt, now));
                count++;
            });
            inMemory += lane.Trades.InMemory - before;
            Interlocked.Add(ref applied, count);
            (lane.DeliveryFailures, lane.RetryAt, lane.LastAnswer) = (0, default, time.GetUtcNow());
            return;
        }

        lane.DeliveryFailures++;
        var wait = TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, Math.Min(lane.DeliveryFailures - 1, 6))));
        lane.RetryAt = time.GetUtcNow() + wait;
        if (lane.DeliveryFailures is 1 or 10 or 100 || lane.DeliveryFailures % 1_000 == 0)
        {
            logger.LogWarning("Delivering to the grain of {Code} failed {Failures} time(s), {Held} trades kept and retried in {Wait}: {Reason}",
                lane.Code, lane.DeliveryFailures, lane.Trades.Count, wait, delivered.Failure?.Message);
        }
    }

    private void OnBackfilled(Lane lane, Backfilled result)
    {
        lane.Backfilling = false;
        dirty.Add(lane.Code);
        if (result.Ticks is null)
        {
            lane.BackfillFailures++;
            lane.GapSeen = time.GetUtcNow();
            logger.LogWarning("Backfill of {Code} failed (attempt {Attempt}): {Reason}", lane.Code, lane.BackfillFailures, result.Failure);
            return;
        }

        var arrived = time.GetTimestamp();
        var before = lane.Trades.InMemory;
        foreach (var tick in result.Ticks) lane.Trades.Add(tick with { Sequence = NextSequence() }, arrived);
        inMemory += lane.Trades.InMemory - before;
        Interlocked.Add(ref backfilled, result.Ticks.Length);
        logger.LogInformation("Backfilled {Count} trades of {Code} from the tape (volume {From}-{To})",
            result.Ticks.Length, lane.Code, result.From, result.To);
    }

    private Lane LaneOf(string code) => lanes.GetOrAdd(code, static (c, feeder) => feeder.NewLane(c), this);

    private Lane NewLane(string code) => new(code, grains.GetGrain<IStockGrain>(code), spillFolder);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The journal dies with the bridge (a new one starts from the grains' watermarks): its disk goes too.
        DeleteFolder(spillFolder);
    }

    public override void Dispose()
    {
        room.Dispose();
        base.Dispose();
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Beat, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            inbox.Writer.TryWrite(Heartbeat.Instance);
        }
    }

    /// <summary>One stock's lane and the feeder's bookkeeping about it.</summary>
    private sealed class Lane(string code, IStockGrain grain, string spillFolder)
    {
        public readonly StockLane Trades = new(code, spillFolder);
        public long LastArrival;
        // UTC ticks of the last trade's arrival, by the feeder's clock: what the silent-stock watchdog reads.
        public long LastTradeAt;

        public string Code => code;
        public IStockGrain Grain => grain;
        public OrderBook? Book { get; set; }
        public bool Delivering { get; set; }
        public bool Backfilling { get; set; }
        public int DeliveryFailures { get; set; }
        public int BackfillFailures { get; set; }
        public DateTimeOffset RetryAt { get; set; }
        public DateTimeOffset LastAnswer { get; set; }
        public DateTimeOffset? GapSeen { get; set; }
        public DateTimeOffset SilenceCheckedAt { get; set; }
    }
}

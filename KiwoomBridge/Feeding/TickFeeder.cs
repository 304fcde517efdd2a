using System.Threading.Channels;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// Numbers every trade in arrival order, gathers each stock's trades for <see cref="KiwoomOptions.BatchWindow"/>
/// and delivers them to <see cref="IStockGrain"/> in one call per stock, in order.
/// </summary>
public sealed class TickFeeder(IGrainFactory grains, IOptions<KiwoomOptions> options, TimeProvider time, ILogger<TickFeeder> logger)
    : BackgroundService
{
    private const int Attempts = 5;
    private readonly Channel<FeedItem> inbox = Channel.CreateUnbounded<FeedItem>(new UnboundedChannelOptions { SingleReader = true });
    // Grains skip sequences they have already applied and persist the last one, so a restarted bridge must number
    // above every earlier run: start from the clock in microseconds (the journal of a later issue replaces this).
    private long sequence = time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000;

    /// <summary>The last sequence number handed out.</summary>
    public long LastSequence => Interlocked.Read(ref sequence);
    private long delivered;
    private long lost;

    public long Delivered => Interlocked.Read(ref delivered);

    /// <summary>Trades given up on after every retry failed; the journal of a later issue replays them.</summary>
    public long Lost => Interlocked.Read(ref lost);

    /// <summary>Accepts a parsed trade; never blocks the socket's receive loop.</summary>
    public void Post(Tick tick) => inbox.Writer.TryWrite(new FeedItem(tick with { Sequence = Interlocked.Increment(ref sequence) }, null));

    /// <summary>Accepts a book; only the newest per stock in a batch window reaches the grain.</summary>
    public void Post(OrderBook book) => inbox.Writer.TryWrite(new FeedItem(null, book));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var window = options.Value.BatchWindow;
        var pending = new Dictionary<string, List<Tick>>();
        var books = new Dictionary<string, OrderBook>();
        try
        {
            while (await inbox.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(window, time, stoppingToken);
                while (inbox.Reader.TryRead(out var item))
                {
                    if (item.Book is { } book)
                    {
                        books[book.Code] = book;
                        continue;
                    }

                    var tick = item.Tick!;
                    if (!pending.TryGetValue(tick.Code, out var batch)) pending[tick.Code] = batch = [];
                    batch.Add(tick);
                }

                // One call per stock; stocks in parallel, each stock's batches strictly in order, its book after its trades.
                var codes = pending.Keys.Union(books.Keys).ToList();
                await Task.WhenAll(codes.Select(code => DeliverAsync(code,
                    pending.TryGetValue(code, out var ticks) ? [.. ticks] : [], books.GetValueOrDefault(code), stoppingToken)));
                pending.Clear();
                books.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task DeliverAsync(string code, Tick[] batch, OrderBook? book, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Safe to repeat: the grain skips sequences it has already applied, and older books.
                var grain = grains.GetGrain<IStockGrain>(code);
                if (batch.Length > 0) await grain.Ingest(batch);
                if (book is not null) await grain.UpdateBook(book);
                Interlocked.Add(ref delivered, batch.Length);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < Attempts)
            {
                logger.LogWarning("Delivering {Count} trades of {Code} failed (attempt {Attempt}): {Reason}", batch.Length, code, attempt, e.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), time, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Add(ref lost, batch.Length);
                logger.LogError(e, "Gave up delivering {Count} trades of {Code} (sequences {First}-{Last})",
                    batch.Length, code, batch.FirstOrDefault()?.Sequence, batch.LastOrDefault()?.Sequence);
                return;
            }
        }
    }
}

/// <summary>What the socket hands the feeder: a trade or a book.</summary>
internal readonly record struct FeedItem(Tick? Tick, OrderBook? Book);

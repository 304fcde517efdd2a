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
    private readonly Channel<Tick> inbox = Channel.CreateUnbounded<Tick>(new UnboundedChannelOptions { SingleReader = true });
    private long sequence;
    private long delivered;
    private long lost;

    public long Delivered => Interlocked.Read(ref delivered);

    /// <summary>Trades given up on after every retry failed; the journal of a later issue replays them.</summary>
    public long Lost => Interlocked.Read(ref lost);

    /// <summary>Accepts a parsed trade; never blocks the socket's receive loop.</summary>
    public void Post(Tick tick) => inbox.Writer.TryWrite(tick with { Sequence = Interlocked.Increment(ref sequence) });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var window = options.Value.BatchWindow;
        var pending = new Dictionary<string, List<Tick>>();
        try
        {
            while (await inbox.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(window, time, stoppingToken);
                while (inbox.Reader.TryRead(out var tick))
                {
                    if (!pending.TryGetValue(tick.Code, out var batch)) pending[tick.Code] = batch = [];
                    batch.Add(tick);
                }

                // One call per stock; stocks in parallel, each stock's batches strictly in order.
                await Task.WhenAll(pending.Select(p => DeliverAsync(p.Key, [.. p.Value], stoppingToken)));
                pending.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task DeliverAsync(string code, Tick[] batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Safe to repeat: the grain skips sequences it has already applied.
                await grains.GetGrain<IStockGrain>(code).Ingest(batch);
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
                    batch.Length, code, batch[0].Sequence, batch[^1].Sequence);
                return;
            }
        }
    }
}

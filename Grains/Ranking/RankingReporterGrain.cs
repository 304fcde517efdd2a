using Gslts.Grains.Interfaces.Ranking;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Gslts.Grains.Ranking;

/// <summary>
/// One per silo: keeps the newest report of each stock and hands them to the ranking as one batch every half second. A batch
/// that could not be delivered is kept (newer reports replace its stocks) and tried again.
/// </summary>
[StatelessWorker(1)]
public sealed class RankingReporterGrain(ILogger<RankingReporterGrain> logger) : Grain, IRankingReporterGrain
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(500);
    private Dictionary<string, StockTrading> pending = new(StringComparer.Ordinal);
    private IGrainTimer? timer;

    public Task Report(StockTrading stock)
    {
        pending[stock.Code] = stock;
        timer ??= this.RegisterGrainTimer(ForwardAsync, new GrainTimerCreationOptions(Every, Every) { Interleave = true });
        return Task.CompletedTask;
    }

    private async Task ForwardAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0) return;
        var batch = pending;
        pending = new(StringComparer.Ordinal);
        try
        {
            await GrainFactory.GetGrain<IRankingGrain>(IRankingGrain.Krx).Report([.. batch.Values]);
        }
        catch (Exception e)
        {
            logger.LogWarning("Ranking update of {Count} stocks failed, kept for the next second: {Reason}", batch.Count, e.Message);
            foreach (var (code, stock) in batch) pending.TryAdd(code, stock);
        }
    }
}

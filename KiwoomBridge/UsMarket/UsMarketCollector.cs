using Gslts.Grains.Interfaces.Sectors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.UsMarket;

/// <summary>
/// Loads the US sector ETFs' closes into their grains at start and every morning at <see cref="UsMarketOptions.CollectAt"/>
/// KST (before the strategy is built). Symbols that fail are asked again after a backoff (doubling up to
/// <see cref="UsMarketOptions.LongestRetry"/>) until every one is in.
/// </summary>
public sealed class UsMarketCollector(
    IUsMarketSource source, IGrainFactory grains, IOptions<UsMarketOptions> options, TimeProvider time, ILogger<UsMarketCollector> logger) : BackgroundService
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    /// <summary>Completed collections since start (every symbol in).</summary>
    public int Collections { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await CollectUntilCompleteAsync(stoppingToken);
                Collections++;
                await Task.Delay(UntilNext(time.GetUtcNow(), options.Value.CollectAt), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Time until the next <paramref name="collectAt"/> KST after <paramref name="now"/>.</summary>
    public static TimeSpan UntilNext(DateTimeOffset now, TimeOnly collectAt)
    {
        var local = now.ToOffset(Kst);
        var next = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(collectAt), Kst);
        if (next <= local) next = next.AddDays(1);
        return next - local;
    }

    private async Task CollectUntilCompleteAsync(CancellationToken cancellationToken)
    {
        var pending = UsSectorSymbols.All.ToList();
        for (var wait = options.Value.FirstRetry; ; wait = Min(wait * 2, options.Value.LongestRetry))
        {
            try
            {
                pending = await CollectAsync(pending, cancellationToken);
                if (pending.Count == 0) return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("US market from {Source} could not be read: {Reason}", source.Name, e.Message);
            }

            logger.LogWarning("US market from {Source}: {Missing} still missing; asking again in {Wait}", source.Name, string.Join(", ", pending), wait);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Fetches <paramref name="symbols"/> and stores what came; returns the symbols still missing.</summary>
    private async Task<List<string>> CollectAsync(List<string> symbols, CancellationToken cancellationToken)
    {
        var fetch = await source.FetchAsync(symbols, cancellationToken);
        await Task.WhenAll(fetch.Series.Select(StoreAsync));
        foreach (var (symbol, reason) in fetch.Failed) logger.LogWarning("US market from {Source}: {Symbol} failed: {Reason}", source.Name, symbol, reason);

        var loaded = fetch.Series.Where(s => s.Closes.Count > 0).ToList();
        if (loaded.Count > 0)
        {
            logger.LogInformation("US market from {Source}: {Count} symbols loaded, last session {Session}",
                source.Name, loaded.Count, loaded.Max(s => s.Closes[^1].Date));
        }

        var got = fetch.Series.Select(s => s.Symbol).ToHashSet(StringComparer.Ordinal);
        return [.. symbols.Where(s => !got.Contains(s))];
    }

    private async Task StoreAsync(UsCloses series)
    {
        var grain = grains.GetGrain<IUsSectorGrain>(series.Symbol);
        var closes = series.Closes;
        if (series.Relative && closes.Count > 0)
        {
            var anchor = await grain.GetHistory(closes[0].Date, closes[0].Date);
            closes = Rebase(closes, anchor.Count > 0 ? anchor[0].Close : null);
        }

        await grain.AddCloses(closes);
    }

    /// <summary>
    /// <paramref name="closes"/> scaled so the first equals <paramref name="anchor"/> (the close stored for its date),
    /// keeping every ratio; unchanged without an anchor.
    /// </summary>
    public static IReadOnlyList<DailyClose> Rebase(IReadOnlyList<DailyClose> closes, decimal? anchor)
    {
        if (anchor is not { } stored || closes.Count == 0 || closes[0].Close <= 0 || closes[0].Close == stored) return closes;
        var factor = stored / closes[0].Close;
        return [.. closes.Select((c, i) => c with { Close = i == 0 ? stored : Math.Round(c.Close * factor, 4, MidpointRounding.AwayFromZero) })];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

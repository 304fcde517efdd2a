using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Realtime;
using Gslts.KiwoomBridge.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// Loads the daily chart (ka10081, about a year) of every stock the real-time feed collects into its grain: at start
/// and every morning at <see cref="ReloadAt"/> KST, one query per stock inside the app key's query budget, as background
/// queries that leave it to every other query first.
/// </summary>
public sealed class DailyHistoryLoader(
    KiwoomApi api, KiwoomRealtimeFeed feed, IGrainFactory grains, IOptions<KiwoomOptions> options, TimeProvider time,
    ILogger<DailyHistoryLoader> logger) : BackgroundService
{
    public static readonly TimeOnly ReloadAt = new(7, 40);
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    // About a year of sessions: the grain keeps no more than this.
    private const int DailyHistoryLength = 250;

    /// <summary>Stocks whose history was loaded in the last round.</summary>
    public int Loaded { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (options.Value.LoadDailyHistory && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The feed decides what is collected; wait until it has planned.
                while (feed.Connections.Count == 0) await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                var codes = feed.Connections.SelectMany(c => c.Codes).ToList();
                Loaded = await LoadAsync(codes, stoppingToken);
                logger.LogInformation("Daily history loaded for {Loaded} of {Codes} stocks", Loaded, codes.Count);
                await Task.Delay(UntilNextReload(), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<int> LoadAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Kst).DateTime);
        var loaded = 0;
        foreach (var code in codes)
        {
            try
            {
                // A background query: a backfill of missed trades (thousands at a mid-session start of the whole market) goes first.
                var bars = await api.DailyCandlesAsync(code, today, CallKind.Background, cancellationToken)
                    .Take(DailyHistoryLength)
                    .Select(c => new DailyBar(c.Date, c.Open, c.High, c.Low, c.Close, c.Volume, c.TradingValue))
                    .ToArrayAsync(cancellationToken);
                await grains.GetGrain<IStockGrain>(code).SetDailyHistory(bars);
                loaded++;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One stock's failure costs only its history until the next round.
                logger.LogWarning("Daily history of {Code} not loaded: {Reason}", code, e.Message);
            }
        }

        return loaded;
    }

    private TimeSpan UntilNextReload()
    {
        var now = time.GetUtcNow().ToOffset(Kst);
        var next = new DateTimeOffset(DateOnly.FromDateTime(now.DateTime).ToDateTime(ReloadAt), Kst);
        if (next <= now) next = next.AddDays(1);
        return next - now;
    }

}

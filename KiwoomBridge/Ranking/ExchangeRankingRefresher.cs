using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Feeding;
using Gslts.KiwoomBridge.Realtime;
using Gslts.KiwoomBridge.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Ranking;

/// <summary>
/// Takes the exchange's market-wide 거래대금 ranking (ka10032: every market, KRX, managed stocks included) every
/// <see cref="ExchangeRankingOptions.Interval"/> and hands its rows to the ranking grain in one call, so the ranking
/// orders the stocks the feed does not collect too. Its queries yield to every other query unless the ranking is half
/// <see cref="ExchangeRankingOptions.MaxAge"/> old; a refresh that fails is logged, shown in /healthz and tried again
/// at the next interval. Rows are stamped with the feed's market time when the query started, and take their market
/// and sector from the stock master (ka10099), as the stock grains do.
/// </summary>
public sealed class ExchangeRankingRefresher(
    KiwoomApi api, StockMaster master, FeedStatus feed, IGrainFactory grains, ExchangeRankingStatus status, IOptions<KiwoomOptions> options,
    TimeProvider time, ILogger<ExchangeRankingRefresher> logger) : BackgroundService
{
    // While the feed has not received a trade, there is no market time to stamp a ranking with.
    private static readonly TimeSpan WaitForMarketTime = TimeSpan.FromSeconds(1);

    private IReadOnlyList<StockListing>? listingsRead;
    private Dictionary<string, StockListing> listings = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.Ranking;
        if (!o.Enabled) return;
        status.Started(time.GetUtcNow());
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (feed.MarketTime is not { } asOf)
                {
                    status.Wait("the feed has received no trade yet (no market time to stamp the ranking with)");
                    await Task.Delay(WaitForMarketTime, time, stoppingToken);
                    continue;
                }

                var started = time.GetTimestamp();
                await RefreshAsync(asOf, o, stoppingToken);
                await Task.Delay(Max(o.Interval - time.GetElapsedTime(started), TimeSpan.Zero), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task RefreshAsync(DateTimeOffset asOf, ExchangeRankingOptions o, CancellationToken cancellationToken)
    {
        status.Refreshing();
        try
        {
            var rows = await TakeAsync(o, cancellationToken);
            var known = await ListingsAsync(cancellationToken);
            await grains.GetGrain<IRankingGrain>(IRankingGrain.Krx).ReportExchange(new ExchangeRanking(asOf, [.. rows.Select(r =>
            {
                var listing = known.GetValueOrDefault(r.Code);
                return new ExchangeRow(r.Code, r.Name.Length > 0 ? r.Name : listing?.Name, listing?.Market, listing?.Sector, r.Price, r.ChangeRate,
                    r.Volume, r.TradingValue);
            })]));
            status.Taken(time.GetUtcNow(), asOf, rows.Count);
            logger.LogDebug("Exchange ranking taken: {Rows} rows as of {AsOf:HH:mm:ss}", rows.Count, asOf);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            status.Failed($"{e.GetType().Name}: {e.Message}");
            logger.LogWarning("Exchange ranking (ka10032) not taken ({Reason}); trying again in {Interval}", e.Message, o.Interval);
        }
    }

    /// <summary>
    /// The ranking's first rows, yielding the budget to other queries until the ranking is half its MaxAge old; a refresh
    /// still waiting then is given up and taken again at the usual priority, so it is never older than MaxAge while the
    /// broker answers.
    /// </summary>
    private async Task<List<Rest.RankedStock>> TakeAsync(ExchangeRankingOptions o, CancellationToken cancellationToken)
    {
        var patience = o.MaxAge / 2 - (status.Age(time.GetUtcNow()) ?? TimeSpan.Zero);
        if (patience > TimeSpan.Zero)
        {
            using var yielding = new CancellationTokenSource(patience, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, yielding.Token);
            try
            {
                return await TakeAsync(o.Rows, CallKind.Background, linked.Token);
            }
            catch (OperationCanceledException) when (yielding.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                logger.LogInformation("Exchange ranking: other queries held the budget for {Patience}; taking it at the usual priority", patience);
            }
        }

        return await TakeAsync(o.Rows, CallKind.Query, cancellationToken);
    }

    /// <summary>The ranking's first <paramref name="rows"/> stocks, highest first; paging stops there.</summary>
    private async Task<List<Rest.RankedStock>> TakeAsync(int rows, CallKind kind, CancellationToken cancellationToken)
    {
        var taken = new List<Rest.RankedStock>(rows);
        // The order moves between pages: a stock that slipped onto the next page is kept where it was first seen.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var stock in api.TradingValueRankingAsync(RankingMarket.All, RankingVenue.Krx, includeManagedStocks: true, kind, cancellationToken))
        {
            if (seen.Add(stock.Code)) taken.Add(stock);
            if (taken.Count >= rows) break;
        }

        return taken;
    }

    /// <summary>The stock master by code (shared with the feed, read at most hourly); empty, with a warning, when it cannot be read.</summary>
    private async Task<IReadOnlyDictionary<string, StockListing>> ListingsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var read = await master.ListingsAsync(cancellationToken);
            if (!ReferenceEquals(read, listingsRead))
            {
                listings = read.GroupBy(l => l.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                listingsRead = read;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The stock master (ka10099) could not be read ({Reason}); exchange ranking rows go without their market and sector", e.Message);
        }

        return listings;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

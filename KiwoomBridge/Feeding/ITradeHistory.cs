using Gslts.Grains.Interfaces.Stocks;
using System.Runtime.CompilerServices;
using Gslts.KiwoomBridge.Rest;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomBridge.Feeding;

/// <summary>
/// Trades of <paramref name="Code"/> on <paramref name="Date"/> with cumulative volume in (<paramref name="From"/>,
/// <paramref name="To"/>]. <paramref name="FromTime"/> is when the trade at <paramref name="From"/> printed (if known);
/// <paramref name="After"/> the trades held right after the gap, oldest first, to find the gap's place on the tape.
/// </summary>
public sealed record TapeRequest(string Code, DateOnly Date, long From, long To, DateTimeOffset? FromTime, IReadOnlyList<Tick> After);

/// <summary>Where the feed recovers trades the socket missed.</summary>
public interface ITradeHistory
{
    Task<Tick[]> TradesAsync(TapeRequest request, CancellationToken cancellationToken);

    /// <summary>The exchange's volume of the stock so far today.</summary>
    Task<long> DayVolumeAsync(string code, CancellationToken cancellationToken);

    /// <summary>The day volumes of many stocks (after a login, every quiet one); a stock that cannot be read is left out.</summary>
    IAsyncEnumerable<(string Code, long Volume)> DayVolumesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);
}

/// <summary>Kiwoom's tick chart (ka10079), stock info (ka10001) and 거래대금 ranking (ka10032) as the feed's history.</summary>
public sealed class KiwoomTradeHistory(KiwoomApi api, ILogger<KiwoomTradeHistory> logger) : ITradeHistory
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    // Up to this many codes are asked one by one; more are read off the ranking, a page of stocks a call.
    private const int OneByOne = 20;

    /// <summary>Reads the tape back only to the gap when the trades after it anchor it; otherwise the whole day.</summary>
    public async Task<Tick[]> TradesAsync(TapeRequest request, CancellationToken cancellationToken)
    {
        var since = request.FromTime is { } t ? TimeOnly.FromDateTime(t.ToOffset(Kst).DateTime) : (TimeOnly?)null;
        var rows = new List<ChartTick>();
        await foreach (var row in api.DayTapeAsync(request.Code, cancellationToken))
        {
            rows.Add(row);
            if (since is null || TimeOnly.FromDateTime(row.Time.DateTime) >= since) continue;
            if (TapeGap.FromAnchor(request.Code, request.Date, rows, request.After, request.From, request.To) is { } gap) return gap;
            since = null;
        }

        return TapeGap.FromDay(request.Code, request.Date, rows, request.From, request.To);
    }

    public async Task<long> DayVolumeAsync(string code, CancellationToken cancellationToken) =>
        (await api.StockInfoAsync(code, cancellationToken)).Volume;

    /// <summary>
    /// Many codes come off the whole market's ranking (at 5 queries a second, 2,500 codes one by one would take over
    /// eight minutes); what the ranking does not list, or all of them if it fails, is asked one by one.
    /// </summary>
    public async IAsyncEnumerable<(string Code, long Volume)> DayVolumesAsync(IReadOnlyCollection<string> codes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(codes);
        if (wanted.Count > OneByOne)
        {
            var ranking = api.TradingValueRankingAsync(RankingMarket.All, RankingVenue.Krx, includeManagedStocks: true, CallKind.Query, cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            try
            {
                while (wanted.Count > 0 && await NextRankedAsync(ranking) is { } stock)
                {
                    if (wanted.Remove(stock.Code)) yield return (stock.Code, stock.Volume);
                }
            }
            finally
            {
                await ranking.DisposeAsync();
            }
        }

        foreach (var code in wanted)
        {
            long? volume = null;
            try
            {
                volume = await DayVolumeAsync(code, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Could not read the day volume of {Code}: {Reason}", code, e.Message);
            }

            if (volume is { } known) yield return (code, known);
        }
    }

    private async Task<RankedStock?> NextRankedAsync(IAsyncEnumerator<RankedStock> ranking)
    {
        try
        {
            return await ranking.MoveNextAsync() ? ranking.Current : null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not read the trading value ranking; asking the rest one by one: {Reason}", e.Message);
            return null;
        }
    }
}

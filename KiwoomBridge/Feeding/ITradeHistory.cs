using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge.Rest;

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
}

/// <summary>Kiwoom's tick chart (ka10079) and stock info (ka10001) as the feed's history.</summary>
public sealed class KiwoomTradeHistory(KiwoomApi api) : ITradeHistory
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

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
}

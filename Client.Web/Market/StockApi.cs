using Gslts.Grains.Interfaces.Stocks;
using Gslts.Krx;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gslts.Client.Web.Market;

public static class StockApi
{
    public static RouteGroupBuilder MapStockApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stocks");
        group.MapGet("/{code}", GetSnapshot);
        group.MapGet("/{code}/candles", GetMinuteCandles);
        group.MapGet("/{code}/trades", GetRecentTrades);
        group.MapGet("/{code}/daily", GetDailyHistory);
        return group;
    }

    /// <summary>Today's one-minute candles of the stock (an empty list before its first trade).</summary>
    private static async Task<IResult> GetMinuteCandles(string code, IGrainFactory grains) =>
        !StockCode.IsValid(code) ? BadCode(code) : TypedResults.Ok(await grains.GetGrain<IStockGrain>(code).GetMinuteCandles());

    /// <summary>The stock's daily bars from the broker (about a year), oldest first.</summary>
    private static async Task<IResult> GetDailyHistory(string code, IGrainFactory grains) =>
        !StockCode.IsValid(code) ? BadCode(code) : TypedResults.Ok(await grains.GetGrain<IStockGrain>(code).GetDailyHistory());

    /// <summary>The newest trades (count 1–100, default 30), oldest first.</summary>
    private static async Task<IResult> GetRecentTrades(string code, IGrainFactory grains, int? count = null)
    {
        if (!StockCode.IsValid(code)) return BadCode(code);
        if (count is < 1 or > 100) return TypedResults.Problem($"count must be between 1 and 100, not {count}.", statusCode: 400);
        return TypedResults.Ok(await grains.GetGrain<IStockGrain>(code).GetRecentTrades(count ?? 30));
    }

    private static IResult BadCode(string code) => TypedResults.Problem($"'{code}' is not a stock code: expected {StockCode.Format}.", statusCode: 400);

    private static async Task<IResult> GetSnapshot(string code, IGrainFactory grains)
    {
        if (!StockCode.IsValid(code)) return BadCode(code);

        var snapshot = await grains.GetGrain<IStockGrain>(code).GetSnapshot();
        return snapshot.TickCount == 0
            ? TypedResults.Problem($"No market data for {code} today.", statusCode: 404)
            : TypedResults.Ok(snapshot);
    }
}

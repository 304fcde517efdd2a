using Gslts.Grains.Interfaces.Stocks;
using Gslts.Krx;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Gslts.Client.Web.Market;

public static class StockApi
{
    /// <summary>What a 503 tells the client to wait while the stock master is not loaded (the bridge loads it at start).</summary>
    public const int NotLoadedRetrySeconds = 2;

    public static RouteGroupBuilder MapStockApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stocks/{code}").AddEndpointFilter(OnlyListedStocks)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/", GetSnapshot);
        group.MapGet("/candles", GetMinuteCandles);
        group.MapGet("/trades", GetRecentTrades);
        group.MapGet("/daily", GetDailyHistory);
        group.MapGet("/book", GetBook);
        return group;
    }

    /// <summary>Today's one-minute candles of the stock (an empty list before its first trade).</summary>
    private static async Task<Ok<Candle[]>> GetMinuteCandles(string code, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IStockGrain>(code).GetMinuteCandles());

    /// <summary>The stock's daily bars from the broker (about a year), oldest first.</summary>
    private static async Task<Ok<DailyBar[]>> GetDailyHistory(string code, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IStockGrain>(code).GetDailyHistory());

    /// <summary>The stock's latest 10-level book (204 before the first).</summary>
    private static async Task<Results<Ok<OrderBook>, NoContent>> GetBook(string code, IGrainFactory grains) =>
        await grains.GetGrain<IStockGrain>(code).GetBook() is { } book ? TypedResults.Ok(book) : TypedResults.NoContent();

    /// <summary>The newest trades (count 1–100, default 30), oldest first.</summary>
    private static async Task<Results<Ok<TradePrint[]>, ProblemHttpResult>> GetRecentTrades(string code, IGrainFactory grains, int? count = null)
    {
        if (count is < 1 or > 100) return TypedResults.Problem($"count must be between 1 and 100, not {count}.", statusCode: 400);
        return TypedResults.Ok(await grains.GetGrain<IStockGrain>(code).GetRecentTrades(count ?? 30));
    }

    private static async Task<Results<Ok<StockSnapshot>, ProblemHttpResult>> GetSnapshot(string code, IGrainFactory grains)
    {
        var snapshot = await grains.GetGrain<IStockGrain>(code).GetSnapshot();
        return snapshot.TickCount == 0
            ? TypedResults.Problem($"No market data for {code} today.", statusCode: 404)
            : TypedResults.Ok(snapshot);
    }

    /// <summary>A malformed code is a 400, one the stock master does not list a 404, and before the master is loaded a 503: no grain is activated for any of them.</summary>
    private static async ValueTask<object?> OnlyListedStocks(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var code = http.Request.RouteValues["code"] as string ?? "";
        if (!StockCode.IsValid(code))
        {
            return TypedResults.Problem($"'{code}' is not a stock code: expected {StockCode.Format}.", statusCode: 400, title: "Malformed stock code");
        }

        var extensions = new Dictionary<string, object?> { ["code"] = code };
        switch (await http.RequestServices.GetRequiredService<ListedStocks>().CheckAsync(code, http.RequestAborted))
        {
            case ListingStatus.Unknown:
                return TypedResults.Problem(ListedStocks.UnknownMessage(code), statusCode: 404, title: "Unknown stock code", extensions: extensions);
            case ListingStatus.NotLoaded:
                http.Response.Headers[HeaderNames.RetryAfter] = NotLoadedRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(ListedStocks.NotLoadedMessage, statusCode: 503, title: "Stock list not loaded yet", extensions: extensions);
            default:
                return await next(context);
        }
    }
}

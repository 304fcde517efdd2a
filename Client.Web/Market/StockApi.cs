using Gslts.Grains.Interfaces.Stocks;
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
        return group;
    }

    private static async Task<IResult> GetSnapshot(string code, IGrainFactory grains)
    {
        if (!StockCode.IsValid(code))
        {
            return TypedResults.Problem($"'{code}' is not a stock code: expected {StockCode.Format}.", statusCode: 400);
        }

        var snapshot = await grains.GetGrain<IStockGrain>(code).GetSnapshot();
        return snapshot.TickCount == 0
            ? TypedResults.Problem($"No market data for {code} today.", statusCode: 404)
            : TypedResults.Ok(snapshot);
    }
}

using Gslts.Grains.Interfaces.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gslts.Client.Web.Market;

public static class SearchApi
{
    private const int MaxQuery = 40;

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/search");
        group.MapGet("/", Search);
        return group;
    }

    /// <summary>Stocks by code, Korean name, 초성 or English name (q), best match first, then by the day's 거래대금; limit 1–50 (default 20).</summary>
    private static async Task<Results<Ok<IReadOnlyList<StockSearchHit>>, ProblemHttpResult>> Search(IGrainFactory grains, string? q = null, int? limit = null)
    {
        if (string.IsNullOrWhiteSpace(q)) return TypedResults.Problem("q is required: a code, a name, 초성 or an English name.", statusCode: 400);
        if (q.Length > MaxQuery) return TypedResults.Problem($"q is longer than {MaxQuery} characters.", statusCode: 400);
        if (limit is < 1 or > 50) return TypedResults.Problem($"limit must be between 1 and 50, not {limit}.", statusCode: 400);
        return TypedResults.Ok(await grains.GetGrain<IStockDirectoryGrain>(IStockDirectoryGrain.Krx).Search(q, limit ?? 20));
    }
}

using Gslts.Grains.Interfaces.Ranking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gslts.Client.Web.Market;

public static class RankingApi
{
    public static RouteGroupBuilder MapRankingApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/ranking");
        group.MapGet("/", GetTop);
        group.MapGet("/snapshots/{date}", GetSnapshots);
        return group;
    }

    /// <summary>The live top list: scope "all" (default), KOSPI, KOSDAQ or a sector name; n from 1 to 100 (default 50).</summary>
    private static async Task<Results<Ok<TopList>, ProblemHttpResult>> GetTop(IGrainFactory grains, string? scope = null, int? n = null)
    {
        if (n is < 1 or > 100) return TypedResults.Problem($"n must be between 1 and 100, not {n}.", statusCode: 400);
        scope = string.IsNullOrWhiteSpace(scope) ? IRankingGrain.All : scope.Trim();
        if (scope.Length > 40) return TypedResults.Problem("scope is too long.", statusCode: 400);
        return TypedResults.Ok(await grains.GetGrain<IRankingGrain>(IRankingGrain.Krx).Top(scope, n ?? 50));
    }

    private static async Task<Results<Ok<IReadOnlyList<TopList>>, ProblemHttpResult>> GetSnapshots(string date, IGrainFactory grains)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day))
        {
            return TypedResults.Problem($"'{date}' is not a date: expected yyyy-MM-dd.", statusCode: 400);
        }

        return TypedResults.Ok(await grains.GetGrain<IRankingGrain>(IRankingGrain.Krx).Snapshots(day));
    }
}

using System.Globalization;
using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Strategy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gslts.Client.Web.Market;

/// <summary>The morning page's resources: today's (or a date's) morning plan and its revisions, and the sectors board.</summary>
public static class StrategyApi
{
    public const string BoardKey = "KRX";

    public static IEndpointRouteBuilder MapStrategyApi(this IEndpointRouteBuilder endpoints)
    {
        var strategy = endpoints.MapGroup("/api/strategy");
        strategy.MapGet("/today", GetToday);
        strategy.MapPost("/today/build", ReviseToday);
        strategy.MapGet("/{date}", GetByDate);
        strategy.MapGet("/{date}/revisions", GetRevisions);
        endpoints.MapGroup("/api/sectors").MapGet("/", GetSectors);
        return endpoints;
    }

    /// <summary>Today's morning plan (KST date): the stored one, or built now when its time has come and its data is in; 503 with Retry-After while it waits.</summary>
    private static async Task<Results<Ok<StrategyPlan>, ProblemHttpResult>> GetToday(IGrainFactory grains, TimeProvider time, HttpContext context)
    {
        var build = await grains.GetGrain<IStrategyGrain>(StrategyDates.Key(StrategyDates.Today(time.GetUtcNow()))).BuildMorningPlan(evenIfIncomplete: false);
        if (build.Plan is { } plan) return TypedResults.Ok(plan);
        var seconds = (int)Math.Clamp(Math.Ceiling(build.RetryAfter.TotalSeconds), 1, 3_600);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(build.Waiting, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Builds today's plan again now (e.g. after the US data came in late) as a revision beside the morning plan, which stays as built; browsers watching get it pushed.</summary>
    private static async Task<Ok<StrategyPlan>> ReviseToday(IGrainFactory grains, TimeProvider time) =>
        TypedResults.Ok(await grains.GetGrain<IStrategyGrain>(StrategyDates.Key(StrategyDates.Today(time.GetUtcNow()))).Revise());

    private static async Task<Results<Ok<StrategyPlan>, ProblemHttpResult>> GetByDate(string date, IGrainFactory grains)
    {
        if (!StrategyDates.TryParse(date, out var day)) return Malformed(date);
        var plan = await grains.GetGrain<IStrategyGrain>(StrategyDates.Key(day)).Get();
        return plan is null
            ? TypedResults.Problem($"{StrategyDates.Key(day)}의 전략이 없습니다.", statusCode: 404)
            : TypedResults.Ok(plan);
    }

    private static async Task<Results<Ok<IReadOnlyList<StrategyPlan>>, ProblemHttpResult>> GetRevisions(string date, IGrainFactory grains) =>
        StrategyDates.TryParse(date, out var day)
            ? TypedResults.Ok(await grains.GetGrain<IStrategyGrain>(StrategyDates.Key(day)).GetRevisions())
            : Malformed(date);

    private static ProblemHttpResult Malformed(string date) =>
        TypedResults.Problem($"'{date}'은(는) 날짜가 아닙니다: {StrategyDates.Format} 형식으로 입력하세요 (예: 2026-03-20).", statusCode: 400);

    private static async Task<Ok<SectorBoard>> GetSectors(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ISectorBoardGrain>(BoardKey).GetBoard());
}

using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Strategy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gslts.Client.Web.Market;

/// <summary>The morning page's resources: today's (or a date's) strategy, and the sectors board.</summary>
public static class StrategyApi
{
    public const string BoardKey = "KRX";

    public static IEndpointRouteBuilder MapStrategyApi(this IEndpointRouteBuilder endpoints)
    {
        var strategy = endpoints.MapGroup("/api/strategy");
        strategy.MapGet("/today", GetToday);
        strategy.MapPost("/today/build", BuildToday);
        strategy.MapGet("/{date}", GetByDate);
        endpoints.MapGroup("/api/sectors").MapGet("/", GetSectors);
        return endpoints;
    }

    /// <summary>Today's plan (KST date); built now when not built yet or built before the US sessions were in.</summary>
    private static async Task<IResult> GetToday(IGrainFactory grains, TimeProvider time)
    {
        var today = StrategyDates.Today(time.GetUtcNow());
        var grain = grains.GetGrain<IStrategyGrain>(StrategyDates.Key(today));
        var plan = await grain.Get();
        if (plan is null || plan.UsSectors.Count == 0) plan = await grain.Build();
        return plan.UsSectors.Count == 0
            ? TypedResults.Problem($"{StrategyDates.Key(today)} 전략을 만들 수 없습니다: 미국 섹터 데이터가 아직 없습니다. 잠시 후 다시 시도하세요.", statusCode: 503)
            : TypedResults.Ok(plan);
    }

    /// <summary>Builds today's plan again now (on demand, e.g. after the US data came in late); browsers watching get it pushed.</summary>
    private static async Task<IResult> BuildToday(IGrainFactory grains, TimeProvider time)
    {
        var today = StrategyDates.Today(time.GetUtcNow());
        var plan = await grains.GetGrain<IStrategyGrain>(StrategyDates.Key(today)).Build();
        return plan.UsSectors.Count == 0
            ? TypedResults.Problem($"{StrategyDates.Key(today)} 전략을 만들 수 없습니다: 미국 섹터 데이터가 아직 없습니다. 잠시 후 다시 시도하세요.", statusCode: 503)
            : TypedResults.Ok(plan);
    }

    private static async Task<IResult> GetByDate(string date, IGrainFactory grains)
    {
        if (!StrategyDates.TryParse(date, out var day))
        {
            return TypedResults.Problem($"'{date}'은(는) 날짜가 아닙니다: {StrategyDates.Format} 형식으로 입력하세요 (예: 2026-03-20).", statusCode: 400);
        }

        var plan = await grains.GetGrain<IStrategyGrain>(StrategyDates.Key(day)).Get();
        return plan is null
            ? TypedResults.Problem($"{StrategyDates.Key(day)}의 전략이 없습니다.", statusCode: 404)
            : TypedResults.Ok(plan);
    }

    private static async Task<IResult> GetSectors(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ISectorBoardGrain>(BoardKey).GetBoard());
}

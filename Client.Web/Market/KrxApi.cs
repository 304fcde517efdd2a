using System.Globalization;
using Gslts.Krx;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gslts.Client.Web.Market;

/// <summary>The KRX rules the server enforces, for the page to mirror (it keeps no copy of its own).</summary>
public static class KrxApi
{
    public static RouteGroupBuilder MapKrxApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/krx");
        group.MapGet("/rules", GetRules);
        return group;
    }

    /// <summary>Tick bands, the daily limit, fees and tax, and the hours of <paramref name="date"/> (default: today in KST).</summary>
    private static Results<Ok<KrxRules>, ProblemHttpResult> GetRules(TimeProvider clock, string? date = null)
    {
        var day = Kst.DateOf(clock.GetUtcNow());
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return TypedResults.Problem($"date must be yyyy-MM-dd, not '{date}'.", statusCode: 400);
        }

        var calendar = KrxCalendar.Default;
        var fees = Fees.Kiwoom;
        return TypedResults.Ok(new KrxRules(
            TickSize.Bands,
            PriceLimits.Rate,
            fees.CommissionRate,
            [.. fees.TaxRateByYear.OrderBy(r => r.Key).Select(r => new TaxRate(r.Key, r.Value))],
            day,
            calendar.IsTradingDay(day),
            calendar.SessionsOn(day)));
    }
}

/// <param name="TaxRates">증권거래세 by the settlement year (T+2).</param>
public sealed record KrxRules(
    IReadOnlyList<TickBand> TickBands,
    decimal PriceLimitRate,
    decimal CommissionRate,
    IReadOnlyList<TaxRate> TaxRates,
    DateOnly Date,
    bool TradingDay,
    KrxSessions Sessions);

public sealed record TaxRate(int Year, decimal Rate);

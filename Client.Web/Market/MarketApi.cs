using Gslts.Grains.Interfaces.Market;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Gslts.Client.Web.Market;

public static class MarketApi
{
    public static IEndpointRouteBuilder MapMarketApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/market", GetStatus);
        return endpoints;
    }

    /// <summary>The market's session now (from the feed's last 0s of today, else the KRX calendar) and the feed's clock.</summary>
    private static async Task<Ok<MarketStatus>> GetStatus(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IMarketSessionGrain>(IMarketSessionGrain.Krx).Get());
}

using System.Net;
using System.Net.Http.Json;
using Gslts.Client.Web.Market;
using Gslts.Krx;

namespace Gslts.Silo.Tests.EndToEnd;

public sealed class KrxApiTests
{
    [Fact]
    public async Task The_page_reads_the_tick_bands_fees_and_a_days_hours_from_the_server()
    {
        await using var host = await TestHost.StartAsync("--Gslts:Roles=silo,web");
        using var http = new HttpClient { BaseAddress = host.Web };

        var csat = await http.GetFromJsonAsync<KrxRules>("/api/krx/rules?date=2026-11-19");
        var holiday = await http.GetFromJsonAsync<KrxRules>("/api/krx/rules?date=2026-12-25");
        var malformed = await http.GetAsync("/api/krx/rules?date=2026-13-01");

        Assert.Equal(TickSize.Bands, csat!.TickBands);
        Assert.Equal((0.30m, 0.00015m), (csat.PriceLimitRate, csat.CommissionRate));
        Assert.Contains(new TaxRate(2026, 0.0020m), csat.TaxRates);
        Assert.Equal((true, new TimeOnly(10, 0), new TimeOnly(16, 30)), (csat.TradingDay, csat.Sessions.Open, csat.Sessions.Close));
        Assert.False(holiday!.TradingDay);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }
}

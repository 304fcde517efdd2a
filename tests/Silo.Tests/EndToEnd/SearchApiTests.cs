using System.Net;
using System.Net.Http.Json;
using Gslts.Grains.Interfaces.Search;

namespace Gslts.Silo.Tests.EndToEnd;

public sealed class SearchApiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Stocks_are_found_by_choseong_english_name_and_code_once_the_stock_master_is_in()
    {
        await using var host = await TestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Web };

        var byInitials = await Poll.Until(() => http.GetFromJsonAsync<StockSearchHit[]>("/api/search?q=ㅅㅅㅈㅈ"), hits => hits!.Length > 0, Patience);
        var byEnglish = await http.GetFromJsonAsync<StockSearchHit[]>("/api/search?q=samsung&limit=5");
        var byCode = await http.GetFromJsonAsync<StockSearchHit[]>("/api/search?q=000660");

        Assert.Equal(("005930", "삼성전자", SearchMatch.InitialsPrefix), (byInitials![0].Code, byInitials[0].Name, byInitials[0].Match));
        Assert.Contains(byEnglish!, h => h.Code == "005930");
        Assert.InRange(byEnglish!.Length, 1, 5);
        Assert.Equal(("000660", SearchMatch.Code), (byCode![0].Code, byCode[0].Match));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/search?q=%20")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/search?q={new string('가', 41)}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/search?q=abc&limit=0")).StatusCode);
    }
}

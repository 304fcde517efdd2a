using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gslts.Client.Web.Market;
using Gslts.Grains.Interfaces.Ranking;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gslts.Silo.Tests.EndToEnd;

/// <summary>Per-client budgets: the API answers 429 with Retry-After past its burst, the hub says to slow down; both recover.</summary>
public sealed class RateLimitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_burst_past_the_api_budget_gets_429_with_retry_after_and_succeeds_after_it_while_health_and_page_stay_open()
    {
        await using var host = await TestHost.StartAsync("--Gslts:Web:RateLimits:RequestBurst=5", "--Gslts:Web:RateLimits:RequestsPerSecond=1");
        using var http = new HttpClient { BaseAddress = host.Web };

        // A second's refill may land inside the burst: a few requests past the budget, one is refused.
        var burst = new List<HttpResponseMessage>();
        while (burst.Count < 10 && burst.LastOrDefault()?.StatusCode != HttpStatusCode.TooManyRequests) burst.Add(await http.GetAsync("/api/krx/rules"));
        var rejected = burst[^1];
        // At most one of three quick negotiations finds a refilled permit: the hub's HTTP requests count too.
        var negotiations = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) negotiations.Add((await http.PostAsync($"{MarketHub.Path}/negotiate?negotiateVersion=1", null)).StatusCode);
        var healthAndPage = new[] { await http.GetAsync("/healthz"), await http.GetAsync("/"), await http.GetAsync("/healthz"), await http.GetAsync("/") };

        Assert.All(burst.Take(5), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.InRange(rejected.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("slow down", problem.GetProperty("detail").GetString());
        Assert.True(negotiations.Count(c => c == HttpStatusCode.TooManyRequests) >= 2, $"negotiations answered {string.Join(", ", negotiations)}");
        Assert.All(healthAndPage, r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        var later = await Poll.Until(() => http.GetAsync("/api/krx/rules"), r => r.StatusCode != HttpStatusCode.TooManyRequests, Patience);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task A_hub_client_past_its_call_budget_is_told_to_slow_down_and_its_connection_stays_usable()
    {
        await using var host = await TestHost.StartAsync("--Gslts:Web:RateLimits:HubCallBurst=3", "--Gslts:Web:RateLimits:HubCallsPerSecond=1");
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.Web, MarketHub.Path)).Build();
        await connection.StartAsync();

        for (var i = 0; i < 3; i++) await connection.InvokeAsync<TopList>("WatchRanking");
        // A second's refill may land inside the burst: a few calls past the budget, one is refused.
        HubException? refused = null;
        for (var i = 0; i < 5 && refused is null; i++) refused = await Record.ExceptionAsync(() => connection.InvokeAsync<TopList>("WatchRanking")) as HubException;

        Assert.NotNull(refused);
        Assert.Contains("Too many calls: slow down", refused.Message);
        Assert.Equal(HubConnectionState.Connected, connection.State);
        var again = await Poll.Until(async () =>
        {
            try
            {
                return await connection.InvokeAsync<TopList>("WatchRanking");
            }
            catch (HubException e) when (e.Message.Contains("slow down"))
            {
                return null;
            }
        }, top => top is not null, Patience);
        Assert.NotNull(again);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }
}

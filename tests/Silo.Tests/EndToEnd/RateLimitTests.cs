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

        // Sent at once: on a busy machine one by one they could each find a permit refilled (one a second).
        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync("/api/krx/rules")));
        var negotiations = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => http.PostAsync($"{MarketHub.Path}/negotiate?negotiateVersion=1", null)));
        var healthAndPage = new[] { await http.GetAsync("/healthz"), await http.GetAsync("/"), await http.GetAsync("/healthz"), await http.GetAsync("/") };

        Assert.InRange(burst.Count(r => r.StatusCode == HttpStatusCode.OK), 5, 19);
        var rejected = burst.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(burst, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.InRange(rejected.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("slow down", problem.GetProperty("detail").GetString());
        Assert.Contains(negotiations, r => r.StatusCode == HttpStatusCode.TooManyRequests);
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

        // Sent at once, and a call that does no work (Unwatch of nothing watched): they reach the filter within milliseconds.
        var calls = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Record.ExceptionAsync(() => connection.InvokeAsync("Unwatch", "005930"))));
        var refused = calls.OfType<HubException>().FirstOrDefault();

        Assert.InRange(calls.Count(c => c is null), 3, 9);
        Assert.All(calls, c => Assert.True(c is null or HubException, c?.ToString()));
        Assert.NotNull(refused);
        Assert.Contains("Too many calls: slow down", refused.Message);
        Assert.Equal(HubConnectionState.Connected, connection.State);
        var again = await Poll.Until(async () =>
        {
            try
            {
                return await connection.InvokeAsync<TopList>("WatchRanking", "all");
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

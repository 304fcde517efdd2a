using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Strategy;
using Gslts.Grains.Sectors;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gslts.Silo.Tests.EndToEnd;

public sealed class StrategyApiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Todays_strategy_follows_the_sims_US_sectors_is_stored_for_its_date_and_a_malformed_date_is_refused()
    {
        // Built from midnight KST on, so the morning plan is due whenever the test runs.
        await using var host = await TestHost.StartAsync("--Gslts:Strategy:BuildAt=00:00:00");
        using var http = new HttpClient { BaseAddress = host.Web };
        var sim = new Uri(host.App.Configuration["Gslts:Sim:Urls"]!);
        var night = await http.GetFromJsonAsync<JsonElement>(new Uri(sim, "/sim/us-sectors"));
        var moves = night.GetProperty("sectors").EnumerateObject().Select(p => (Symbol: p.Name, Change: p.Value.GetDecimal()))
            .OrderByDescending(m => m.Change).ThenBy(m => m.Symbol, StringComparer.Ordinal).ToList();
        // Stock grains hold trading values once the feed is live.
        await Eventually(() => http.GetAsync("/api/stocks/005930"), r => r.StatusCode == HttpStatusCode.OK);

        // Until the whole night and the previous session's values are in, the morning plan waits and says so.
        var waits = new List<HttpResponseMessage>();
        var today = await Eventually(() => http.GetAsync("/api/strategy/today"), r =>
        {
            if (r.StatusCode != HttpStatusCode.OK) waits.Add(r);
            return r.StatusCode == HttpStatusCode.OK;
        });
        var plan = (await today.Content.ReadFromJsonAsync<StrategyPlan>())!;

        Assert.All(waits, r => Assert.Equal((HttpStatusCode.ServiceUnavailable, true), (r.StatusCode, r.Headers.RetryAfter?.Delta > TimeSpan.Zero)));
        Assert.Equal(0, plan.Revision);

        var map = SectorMap.Default;
        Assert.Equal(DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime), plan.Date);
        Assert.Equal(moves.Select(m => m.Symbol), plan.UsSectors.Select(s => s.Symbol));
        Assert.Equal(moves.Select(m => m.Change), plan.UsSectors.Select(s => s.ChangeRate));
        Assert.All(plan.UsSectors, s => Assert.Equal(night.GetProperty("previousSession").GetString(), StrategyDates.Key(s.SessionDate)));
        Assert.Equal(moves.Take(3).SelectMany(m => map.Etf(m.Symbol)!.Sectors.Select(s => s.Name)), plan.StrongSectors.Select(s => s.Name));
        Assert.Equal(moves.TakeLast(3).Reverse().SelectMany(m => map.Etf(m.Symbol)!.Sectors.Select(s => s.Name)), plan.WeakSectors.Select(s => s.Name));
        Assert.Equal(night.GetProperty("spy").GetDecimal(), plan.Market!.ChangeRate);
        Assert.InRange(plan.Candidates.Count, 1, 10);
        // The morning plan reads nothing of its own day: candidates are ranked by the session before.
        Assert.All(plan.Candidates, c => Assert.True(c.TradingValueDate < plan.Date, $"{c.Code} ranked by {c.TradingValueDate}"));
        Assert.All(plan.Candidates, c => Assert.Contains(c.Sector, plan.StrongSectors.Select(s => s.Name)));
        Assert.Equal(Enumerable.Range(1, plan.Candidates.Count), plan.Candidates.Select(c => c.Rank));
        Assert.Equal(plan.Candidates.Select(c => c.TradingValue).OrderDescending(), plan.Candidates.Select(c => c.TradingValue));

        var stored = (await http.GetFromJsonAsync<StrategyPlan>($"/api/strategy/{StrategyDates.Key(plan.Date)}"))!;
        Assert.Equal((plan.BuiltAt, plan.Candidates.Count), (stored.BuiltAt, stored.Candidates.Count));

        var malformed = await http.GetAsync("/api/strategy/2026-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("yyyy-MM-dd", await malformed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/strategy/2001-01-02")).StatusCode);

        // A plan built again on demand reaches a browser watching the strategy.
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.Web, "/hubs/market")).Build();
        var pushes = new List<StrategyPlan>();
        connection.On<StrategyPlan>("strategy", p => { lock (pushes) pushes.Add(p); });
        await connection.StartAsync();
        var watched = await connection.InvokeAsync<StrategyPlan?>("WatchStrategy");
        var rebuilt = (await (await http.PostAsync("/api/strategy/today/build", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<StrategyPlan>())!;
        // An earlier build's push may still be on its way: the rebuilt plan is the one looked for.
        StrategyPlan? live = null;
        for (var deadline = DateTime.UtcNow + Patience; live is null && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            lock (pushes) live = pushes.FirstOrDefault(p => p.BuiltAt == rebuilt.BuiltAt);
        }

        Assert.NotNull(watched);
        Assert.True(watched.BuiltAt >= plan.BuiltAt);
        Assert.Equal(rebuilt.Date, live?.Date);
        Assert.True(rebuilt.BuiltAt > plan.BuiltAt);
        Assert.Equal(1, rebuilt.Revision);
        // The rebuild is a revision beside the morning plan, which stays as built.
        var kept = (await http.GetFromJsonAsync<StrategyPlan>("/api/strategy/today"))!;
        Assert.Equal((plan.BuiltAt, 0), (kept.BuiltAt, kept.Revision));
        var revisions = (await http.GetFromJsonAsync<StrategyPlan[]>($"/api/strategy/{StrategyDates.Key(plan.Date)}/revisions"))!;
        Assert.Equal([(1, rebuilt.BuiltAt)], revisions.Select(r => (r.Revision, r.BuiltAt)));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/api/strategy/20261301/revisions")).StatusCode);

        var board = (await http.GetFromJsonAsync<SectorBoard>("/api/sectors"))!;
        Assert.Equal(map.Etfs.Select(e => e.Symbol), board.UsSectors.Select(r => r.Symbol));
        Assert.All(board.UsSectors, r => Assert.Equal(moves.Single(m => m.Symbol == r.Symbol).Change, r.LastSession!.ChangeRate));
        Assert.Equal(map.KoreanSectors, board.KrSectors.Select(s => s.Name));
    }

    private static async Task<HttpResponseMessage> Eventually(Func<Task<HttpResponseMessage>> call, Func<HttpResponseMessage, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var response = await call();
            if (done(response) || DateTime.UtcNow > deadline) return response;
            await Task.Delay(250);
        }
    }
}

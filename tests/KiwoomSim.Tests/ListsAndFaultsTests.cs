using System.Net;
using System.Text;
using System.Text.Json;
using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.KiwoomSim.Tests;

public sealed class ListsAndFaultsTests : IAsyncLifetime
{
    private SimHost sim = null!;

    public async Task InitializeAsync() => sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await sim.DisposeAsync();

    [Fact]
    public async Task The_stock_list_pages_through_every_KOSPI_listing_once()
    {
        var token = await sim.TokenAsync();
        var rows = new List<JsonElement>();
        string? next = null;
        var pages = 0;
        do
        {
            var (body, key) = await sim.PostPageAsync("/api/dostk/stkinfo", "ka10099", """{"mrkt_tp":"0"}""", token, next);
            rows.AddRange(body.GetProperty("list").EnumerateArray());
            (next, pages) = (key, pages + 1);
        }
        while (next is not null);

        var kospi = sim.Host.Services.GetRequiredService<SimMarket>().Listings.Count(l => l.Market == "KOSPI");
        Assert.Equal(kospi, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("code").GetString()).Distinct().Count());
        Assert.True(pages > 1);
        var samsung = rows.Single(r => r.GetProperty("code").GetString() == "005930");
        Assert.Equal(("삼성전자", "반도체", "0"), (samsung.GetProperty("name").GetString(), samsung.GetProperty("upName").GetString(),
            samsung.GetProperty("marketCode").GetString()));
        Assert.Equal("00071000", samsung.GetProperty("lastPrice").GetString());
    }

    [Fact]
    public async Task The_trading_value_ranking_is_ordered_by_value_with_ranks_from_one()
    {
        var token = await sim.TokenAsync();
        var market = sim.Host.Services.GetRequiredService<SimMarket>();
        // The ranking lists stocks that have traded: wait until a handful have.
        Assert.True(await Poll.Until(() => market.Views().Count(v => v.Trades > 0) >= 5, TimeSpan.FromSeconds(20)));

        var answer = await sim.PostAsync("/api/dostk/rkinfo", "ka10032", """{"mrkt_tp":"000","mang_stk_incls":"0","stex_tp":"3"}""", token);

        var rows = answer.GetProperty("trde_prica_upper").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        var values = rows.Select(r => long.Parse(r.GetProperty("trde_prica").GetString()!)).ToList();
        Assert.Equal(values.OrderDescending(), values);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => i.ToString()), rows.Select(r => r.GetProperty("now_rank").GetString()));
        var top = rows[0].GetProperty("stk_cd").GetString()!;
        Assert.Equal(market.History(top)[^1].Volume.ToString(), rows[0].GetProperty("pred_trde_qty").GetString());
    }

    [Fact]
    public async Task Calls_past_the_per_key_budget_get_1700()
    {
        await using var strict = await SimHost.StartAsync(("Gslts:Sim:QueriesPerSecond", "2"));
        var token = await strict.TokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            strict.PostAsync("/api/dostk/stkinfo", "ka10001", """{"stk_cd":"005930"}""", token)));

        var limited = answers.Where(a => a.GetProperty("return_code").GetInt32() != 0).ToList();
        Assert.InRange(limited.Count, 2, 4);
        Assert.All(limited, a => Assert.Contains("[1700:", a.GetProperty("return_msg").GetString()));
    }

    [Fact]
    public async Task Injected_REST_faults_answer_500_then_1700_then_recover()
    {
        var token = await sim.TokenAsync();
        using var http = sim.Http();
        (await http.PostAsync("/sim/faults/rest-errors?count=1", null)).EnsureSuccessStatusCode();
        (await http.PostAsync("/sim/faults/rate-limit?count=1", null)).EnsureSuccessStatusCode();

        using var failing = new HttpRequestMessage(HttpMethod.Post, "/api/dostk/stkinfo")
        {
            Content = new StringContent("""{"stk_cd":"005930"}""", Encoding.UTF8, "application/json"),
        };
        failing.Headers.Add("api-id", "ka10001");
        var error = await http.SendAsync(failing);
        var limited = await sim.PostAsync("/api/dostk/stkinfo", "ka10001", """{"stk_cd":"005930"}""", token);
        var fine = await sim.PostAsync("/api/dostk/stkinfo", "ka10001", """{"stk_cd":"005930"}""", token);

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        RestProtocolTests.AssertError(JsonDocument.Parse(await error.Content.ReadAsStringAsync()).RootElement, "1999");
        RestProtocolTests.AssertError(limited, "1700");
        Assert.Equal(0, fine.GetProperty("return_code").GetInt32());
    }

    [Fact]
    public async Task A_paused_feed_sends_nothing_while_trades_go_on_being_printed()
    {
        await using var socket = await SimSocket.ConnectAsync(sim.WebSocket);
        await socket.SendAsync($$"""{"trnm":"LOGIN","token":"{{await sim.TokenAsync()}}"}""");
        await socket.ReceiveUntilAsync("LOGIN");
        await socket.SendAsync("""{"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["005930"],"type":["0B"]}]}""");
        await socket.ReceiveUntilAsync("REG");
        await socket.ReceiveUntilAsync("REAL");
        using var http = sim.Http();
        var market = sim.Host.Services.GetRequiredService<SimMarket>();

        (await http.PostAsync("/sim/faults/pause-feed?seconds=30", null)).EnsureSuccessStatusCode();
        // Frames already queued before the pause may still arrive; drain them, then expect silence.
        while (await ReceiveWithin(socket, TimeSpan.FromMilliseconds(300)) is not null)
        {
        }

        var printedBefore = market.Stats().Stocks["005930"].Trades;
        var silent = await ReceiveWithin(socket, TimeSpan.FromSeconds(1));
        var printedAfter = market.Stats().Stocks["005930"].Trades;

        Assert.Null(silent);
        Assert.True(printedAfter > printedBefore, "trades go on while the feed is paused");
    }

    private static async Task<JsonElement?> ReceiveWithin(SimSocket socket, TimeSpan wait)
    {
        try
        {
            var frame = await socket.ReceiveAsync(wait);
            return frame is { } f && f.GetProperty("trnm").GetString() == "REAL" ? f : null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}

public sealed class PrintProbeTests : IAsyncLifetime
{
    private SimHost sim = null!;

    public async Task InitializeAsync() => sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await sim.DisposeAsync();

    [Fact]
    public async Task The_probe_records_when_each_trade_of_the_named_stock_was_sent_with_its_day_volume()
    {
        using var http = sim.Http();
        (await http.PostAsync("/sim/probe/005930", null)).EnsureSuccessStatusCode();
        var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        JsonElement probe = default;
        var recorded = await Poll.Until(async () =>
        {
            probe = JsonDocument.Parse(await http.GetStringAsync("/sim/probe")).RootElement;
            return probe.GetProperty("prints").GetArrayLength() >= 3;
        }, TimeSpan.FromSeconds(60));
        var prints = probe.GetProperty("prints").EnumerateArray()
            .Select(p => (Volume: p.GetProperty("volume").GetInt64(), At: p.GetProperty("printedAtMs").GetInt64())).ToArray();

        Assert.True(recorded, "005930 traded three times within a minute");
        Assert.Equal("005930", probe.GetProperty("code").GetString());
        Assert.Equal(prints.Select(p => p.Volume).Order(), prints.Select(p => p.Volume));
        Assert.All(prints, p => Assert.InRange(p.At, started - 1_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    }
}

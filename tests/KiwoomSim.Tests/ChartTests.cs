using System.Text.Json;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.KiwoomSim.Tests;

public sealed class ChartTests : IAsyncLifetime
{
    private SimHost sim = null!;
    private string token = null!;

    public async Task InitializeAsync()
    {
        sim = await SimHost.StartAsync();
        token = await sim.TokenAsync();
        // The daily chart lists today once the stock has traded.
        Assert.True(await Poll.Until(() => Market.View("005930")!.Trades > 0, TimeSpan.FromSeconds(20)));
    }

    private SimMarket Market => sim.Host.Services.GetRequiredService<SimMarket>();

    public async Task DisposeAsync() => await sim.DisposeAsync();

    [Fact]
    public void A_year_of_daily_history_ends_at_the_previous_close_on_valid_ticks()
    {
        var listing = MarketUniverse.LargeCaps[0];

        var bars = DailyHistory.For(listing, new DateOnly(2026, 11, 24), seed: 3);

        Assert.Equal(DailyHistory.TradingDays, bars.Count);
        Assert.Equal(listing.PreviousClose, bars[^1].Close);
        Assert.Equal(new DateOnly(2026, 11, 23), bars[^1].Date);
        Assert.Equal(bars.Select(b => b.Date).Order(), bars.Select(b => b.Date));
        Assert.All(bars, b =>
        {
            Assert.DoesNotContain(b.Date.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
            Assert.True(TickSize.IsValid(b.Open) && TickSize.IsValid(b.Close) && TickSize.IsValid(b.High) && TickSize.IsValid(b.Low));
            Assert.True(b.High >= Math.Max(b.Open, b.Close) && b.Low <= Math.Min(b.Open, b.Close) && b.Volume > 0);
        });
        Assert.Equal(bars, DailyHistory.For(listing, new DateOnly(2026, 11, 24), seed: 3));
    }

    [Fact]
    public async Task The_daily_chart_pages_newest_first_through_the_year_and_today()
    {
        var rows = await AllPages("ka10081", """{"stk_cd":"005930","base_dt":"","upd_stkpc_tp":"1"}""", "stk_dt_pole_chart_qry");

        var dates = rows.Select(r => r.GetProperty("dt").GetString()!).ToList();
        Assert.Equal(DailyHistory.TradingDays + 1, rows.Count);
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.Equal("71000", rows[1].GetProperty("cur_prc").GetString());
        var history = Market.History("005930");
        var change = history[^1].Close - history[^2].Close;
        Assert.Equal((KiwoomFormat.Signed(change), change > 0 ? "2" : change < 0 ? "5" : "3"),
            (rows[1].GetProperty("pred_pre").GetString(), rows[1].GetProperty("pred_pre_sig").GetString()));
    }

    [Fact]
    public async Task The_tick_chart_pages_from_todays_trades_into_recent_days_and_the_minute_chart_aggregates_today()
    {
        // A day that closes within fifteen seconds, so the charts are read from a tape that no longer moves; long enough that today's
        // tape spans many pages, and slow enough that a loaded machine still starts the sim before its close.
        await using var closed = await SimHost.StartAsync(("Gslts:Sim:StartTime", "15:00:00"), ("Gslts:Sim:Speed", "120"), ("Gslts:Sim:PageSize", "50"));
        var key = await closed.TokenAsync();
        Assert.True(await Poll.Until(() => closed.Host.Services.GetRequiredService<SimMarket>().Phase == MarketPhase.Closed, TimeSpan.FromSeconds(90)));
        Assert.True(closed.Host.Services.GetRequiredService<SimMarket>().Stats().Stocks["005930"].Trades > 0, "the sim traded before its close");
        var today = closed.Host.Services.GetRequiredService<SimMarket>().TradingDate.ToString("yyyyMMdd");

        var ticks = await AllPages(closed, key, "ka10079", """{"stk_cd":"005930","tic_scope":"1","upd_stkpc_tp":"1"}""", "stk_tic_chart_qry");
        var minutes = (await PagesWhile(closed, key, "ka10080", """{"stk_cd":"005930","tic_scope":"1","upd_stkpc_tp":"1"}""", "stk_min_pole_chart_qry",
            rows => rows[^1].GetProperty("cntr_tm").GetString()!.StartsWith(today))).Where(m => m.GetProperty("cntr_tm").GetString()!.StartsWith(today));

        var times = ticks.Select(t => t.GetProperty("cntr_tm").GetString()!).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(times, t => Assert.Matches("^[0-9]{14}$", t));
        Assert.All(ticks, t => Assert.Matches("^[0-9]+$", t.GetProperty("cur_prc").GetString()));
        var market = closed.Host.Services.GetRequiredService<SimMarket>();
        var days = times.Select(t => t[..8]).Distinct().ToList();
        Assert.Equal(today, days[0]);
        Assert.Equal(1 + ChartQueries.PastTickDays, days.Count);
        Assert.Equal(market.History("005930")[^1].Date.ToString("yyyyMMdd"), days[1]);
        var volume = (long)ticks.Where(t => t.GetProperty("cntr_tm").GetString()!.StartsWith(today)).Sum(t => long.Parse(t.GetProperty("trde_qty").GetString()!));
        Assert.Equal(volume, minutes.Sum(m => long.Parse(m.GetProperty("trde_qty").GetString()!)));
        Assert.Equal(closed.Host.Services.GetRequiredService<SimMarket>().Stats().Stocks["005930"].Volume, volume);
    }

    [Fact]
    public async Task The_minute_chart_of_a_past_day_serves_its_whole_session_and_stock_info_its_year_range()
    {
        var history = Market.History("005930");
        var yesterday = history[^1].Date.ToString("yyyyMMdd");

        var minutes = (await PagesWhile(sim, token, "ka10080", $$"""{"stk_cd":"005930","tic_scope":"5","upd_stkpc_tp":"1","base_dt":"{{yesterday}}"}""",
            "stk_min_pole_chart_qry", rows => rows[^1].GetProperty("cntr_tm").GetString()!.StartsWith(yesterday)))
            .Where(m => m.GetProperty("cntr_tm").GetString()!.StartsWith(yesterday)).ToList();
        var info = await sim.PostAsync("/api/dostk/stkinfo", "ka10001", """{"stk_cd":"005930"}""", token);
        var view = Market.View("005930")!;

        Assert.Equal(76, minutes.Count);
        Assert.Equal(yesterday + "151500", minutes[0].GetProperty("cntr_tm").GetString());
        // 250 sessions counting today's: the last 249 days of history and today.
        var sessions = history.TakeLast(249).Select(d => (d.Date, d.High, d.Low)).Append((Date: Market.TradingDate, view.High, view.Low)).ToList();
        var high = sessions.MaxBy(d => d.High);
        var low = sessions.MinBy(d => d.Low);
        Assert.Equal((high.High, high.Date.ToString("yyyyMMdd")),
            (Math.Abs(long.Parse(info.GetProperty("250hgst").GetString()!)), info.GetProperty("250hgst_pric_dt").GetString()));
        Assert.Equal((low.Low, low.Date.ToString("yyyyMMdd")),
            (Math.Abs(long.Parse(info.GetProperty("250lwst").GetString()!)), info.GetProperty("250lwst_pric_dt").GetString()));
        Assert.Equal(KiwoomFormat.Rate(long.Parse(info.GetProperty("cur_prc").GetString()!.TrimStart('+', '-')), high.High),
            info.GetProperty("250hgst_pric_pre_rt").GetString());
        Assert.True(long.Parse(info.GetProperty("mac").GetString()!) > 0);
    }

    [Fact]
    public async Task The_minute_chart_pages_from_today_back_into_the_previous_days_sessions()
    {
        var history = Market.History("005930");
        var (yesterday, dayBefore) = (history[^1], history[^2]);
        const string body = """{"stk_cd":"005930","tic_scope":"60","upd_stkpc_tp":"1","base_dt":""}""";

        var (first, next) = await sim.PostPageAsync("/api/dostk/chart", "ka10080", body, token, null);
        var (second, _) = await sim.PostPageAsync("/api/dostk/chart", "ka10080", body, token, next);

        var rows = first.GetProperty("stk_min_pole_chart_qry").EnumerateArray().ToList();
        var times = rows.Concat(second.GetProperty("stk_min_pole_chart_qry").EnumerateArray()).Select(r => r.GetProperty("cntr_tm").GetString()!).ToList();
        Assert.NotNull(next);
        Assert.Equal(times.Distinct().OrderDescending(), times);
        Assert.StartsWith(Market.TradingDate.ToString("yyyyMMdd"), times[0]);
        var fromYesterday = rows.Where(r => r.GetProperty("cntr_tm").GetString()!.StartsWith(yesterday.Date.ToString("yyyyMMdd"))).ToList();
        Assert.Equal(Market.PastMinutes("005930", yesterday, 60).Select(b => (b.Close, b.Volume)),
            fromYesterday.Select(r => (Math.Abs(long.Parse(r.GetProperty("cur_prc").GetString()!)), long.Parse(r.GetProperty("trde_qty").GetString()!))));
        Assert.Equal(KiwoomFormat.Signed(yesterday.Close - dayBefore.Close), fromYesterday[0].GetProperty("pred_pre").GetString());
        Assert.Contains(times, t => t.StartsWith(dayBefore.Date.ToString("yyyyMMdd")));
    }

    [Theory]
    [InlineData("ka10080", """{"stk_cd":"005930","tic_scope":"1","base_dt":"19990101"}""", "1501")]
    [InlineData("ka10079", """{"stk_cd":"005930","tic_scope":"7"}""", "1501")]
    [InlineData("ka10080", """{"stk_cd":"005930","tic_scope":"2"}""", "1501")]
    [InlineData("ka10081", """{"stk_cd":"999990","base_dt":""}""", "1902")]
    public async Task Bad_chart_requests_get_a_kiwoom_error(string apiId, string body, string code)
    {
        var answer = await sim.PostAsync("/api/dostk/chart", apiId, body, token);

        RestProtocolTests.AssertError(answer, code);
    }

    private Task<List<JsonElement>> AllPages(string apiId, string body, string list) => AllPages(sim, token, apiId, body, list);

    private static Task<List<JsonElement>> AllPages(SimHost sim, string token, string apiId, string body, string list) =>
        PagesWhile(sim, token, apiId, body, list, _ => true);

    /// <summary>Pages on while there are more and <paramref name="goOn"/> holds for the rows read so far.</summary>
    private static async Task<List<JsonElement>> PagesWhile(SimHost sim, string token, string apiId, string body, string list, Func<List<JsonElement>, bool> goOn)
    {
        var rows = new List<JsonElement>();
        string? next = null;
        do
        {
            var (page, key) = await sim.PostPageAsync("/api/dostk/chart", apiId, body, token, next);
            Assert.Equal(0, page.GetProperty("return_code").GetInt32());
            rows.AddRange(page.GetProperty(list).EnumerateArray());
            next = key;
        }
        while (next is not null && (rows.Count == 0 || goOn(rows)));

        return rows;
    }
}

public sealed class PastMinuteTests
{
    [Fact]
    public void A_past_days_minute_bars_run_from_its_open_to_its_close_inside_its_range()
    {
        var listing = MarketUniverse.LargeCaps[1];
        var day = DailyHistory.For(listing, new DateOnly(2026, 11, 24), seed: 5)[^1];

        var bars = IntradayHistory.For(day, listing.Code, seed: 5);

        Assert.Equal(380, bars.Count);
        Assert.Equal((new TimeOnly(15, 19), new TimeOnly(9, 0)), (bars[0].Start, bars[^1].Start));
        Assert.Equal((day.Open, day.Close), (bars[^1].Open, bars[0].Close));
        Assert.All(bars, b => Assert.True(b.Low >= day.Low && b.High <= day.High && TickSize.IsValid(b.Close)));
        Assert.InRange(bars.Sum(b => b.Volume), day.Volume - 380, day.Volume);
        Assert.True(bars[^1].Volume > bars[190].Volume, "the open is busier than lunch");
    }
}

using System.Text.Json;
using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.KiwoomSim.Tests.Spec;

/// <summary>
/// One sim and one trading scenario that leaves every api-id something to list: a fill, a holding, an open order, a
/// modified and a cancelled one. <see cref="Answers"/> holds each api-id's answer (the first page).
/// </summary>
public sealed class SpecScenario : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public SimHost Sim { get; private set; } = null!;

    public Dictionary<string, JsonElement> Answers { get; } = [];

    public async Task InitializeAsync()
    {
        Sim = await SimHost.StartAsync(("Gslts:Sim:OrdersPerSecond", "1000"));
        var market = Sim.Host.Services.GetRequiredService<SimMarket>();
        var keys = $$"""{"grant_type":"client_credentials","appkey":"{{SimHost.AppKey}}","secretkey":"{{SimHost.SecretKey}}"}""";
        Answers["au10001"] = await Sim.PostAsync("/oauth2/token", "au10001", keys);
        var token = Answers["au10001"].GetProperty("token").GetString()!;
        Assert.True(await Poll.Until(() => market.Phase == MarketPhase.Continuous && market.View("005930")!.BestAsk > 0, Patience));

        async Task<JsonElement> Ask(string path, string apiId, string body) => Answers[apiId] = await Sim.PostAsync(path, apiId, body, token);
        await Ask("/api/dostk/stkinfo", "ka10001", """{"stk_cd":"005930"}""");
        await Ask("/api/dostk/stkinfo", "ka10099", """{"mrkt_tp":"0"}""");
        var book = await Ask("/api/dostk/mrkcond", "ka10004", """{"stk_cd":"005930"}""");
        await Ask("/api/dostk/chart", "ka10079", """{"stk_cd":"005930","tic_scope":"1","upd_stkpc_tp":"1"}""");
        await Ask("/api/dostk/chart", "ka10080", """{"stk_cd":"005930","tic_scope":"1","upd_stkpc_tp":"1","base_dt":""}""");
        await Ask("/api/dostk/chart", "ka10081", """{"stk_cd":"005930","base_dt":"","upd_stkpc_tp":"1"}""");
        Answers["ka10032"] = await Poll.Until(
            () => Sim.PostAsync("/api/dostk/rkinfo", "ka10032", """{"mrkt_tp":"000","mang_stk_incls":"1","stex_tp":"3"}""", token),
            a => a.GetProperty("trde_prica_upper").GetArrayLength() > 0, Patience);

        var (bid, ask) = (Price(book, "buy_fpr_bid"), Price(book, "sel_fpr_bid"));
        var bought = await Order(token, "kt10000", "005930", 2, TickSize.Step(ask, 5));
        Assert.True(await Poll.Until(() => market.Read("50000001", (l, _) => l.Order(long.Parse(bought))!.Filled) == 2, Patience));
        await Order(token, "kt10001", "005930", 1, TickSize.Step(ask, 20));
        var resting = await Order(token, "kt10000", "005930", 3, TickSize.Step(bid, -20));
        var moved = (await Ask("/api/dostk/ordr", "kt10002",
            $$"""{"dmst_stex_tp":"KRX","orig_ord_no":"{{resting}}","stk_cd":"005930","mdfy_qty":"1","mdfy_uv":"{{TickSize.Step(bid, -25)}}","mdfy_cond_uv":""}""")).GetProperty("ord_no").GetString();
        await Ask("/api/dostk/ordr", "kt10003", $$"""{"dmst_stex_tp":"KRX","orig_ord_no":"{{moved}}","stk_cd":"005930","cncl_qty":"0"}""");

        await Ask("/api/dostk/acnt", "kt00001", """{"qry_tp":"3"}""");
        await Ask("/api/dostk/acnt", "kt00018", """{"qry_tp":"1","dmst_stex_tp":"KRX"}""");
        await Ask("/api/dostk/acnt", "ka10075", """{"all_stk_tp":"0","trde_tp":"0","stk_cd":"","stex_tp":"0"}""");
        await Ask("/api/dostk/acnt", "ka10076", """{"stk_cd":"","qry_tp":"0","sell_tp":"0","ord_no":"","stex_tp":"0"}""");

        var spare = await Sim.TokenAsync();
        Answers["au10002"] = await Sim.PostAsync("/oauth2/revoke", "au10002",
            $$"""{"appkey":"{{SimHost.AppKey}}","secretkey":"{{SimHost.SecretKey}}","token":"{{spare}}"}""");

        async Task<string> Order(string key, string apiId, string code, long quantity, long price)
        {
            var answer = Answers[apiId] = await Sim.PostAsync("/api/dostk/ordr", apiId,
                $$"""{"dmst_stex_tp":"KRX","stk_cd":"{{code}}","ord_qty":"{{quantity}}","ord_uv":"{{price}}","trde_tp":"0","cond_uv":""}""", key);
            Assert.Equal(0, answer.GetProperty("return_code").GetInt32());
            return answer.GetProperty("ord_no").GetString()!;
        }
    }

    public async Task DisposeAsync() => await Sim.DisposeAsync();

    private static long Price(JsonElement answer, string name) => Math.Abs(long.Parse(answer.GetProperty(name).GetString()!));
}

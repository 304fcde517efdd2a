using System.Text.Json;
using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.KiwoomSim.Tests;

public sealed class OrderProtocolTests : IAsyncLifetime
{
    private const string Account = "50000001";
    private const string AllOpen = """{"all_stk_tp":"0","trde_tp":"0","stk_cd":"","stex_tp":"0"}""";
    private const string AllFilled = """{"stk_cd":"","qry_tp":"0","sell_tp":"0","ord_no":"","stex_tp":"0"}""";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private SimHost sim = null!;
    private string token = null!;

    public async Task InitializeAsync()
    {
        sim = await SimHost.StartAsync(("Gslts:Sim:OrdersPerSecond", "1000"));
        token = await sim.TokenAsync();
        // Orders placed during the opening auction only rest: wait until the market trades continuously.
        Assert.True(await Poll.Until(() => Market.Phase == MarketPhase.Continuous, Patience));
    }

    public async Task DisposeAsync() => await sim.DisposeAsync();

    private SimMarket Market => sim.Host.Services.GetRequiredService<SimMarket>();

    private Task<JsonElement> Post(string path, string apiId, string body) => sim.PostAsync(path, apiId, body, token);

    private async Task<(long Bid, long Ask)> Touch(string code = "005930")
    {
        var book = await Post("/api/dostk/mrkcond", "ka10004", $$"""{"stk_cd":"{{code}}"}""");
        return (Math.Abs(long.Parse(book.GetProperty("buy_fpr_bid").GetString()!)), Math.Abs(long.Parse(book.GetProperty("sel_fpr_bid").GetString()!)));
    }

    private async Task<string> Order(string apiId, string code, long quantity, long price)
    {
        var answer = await Post("/api/dostk/ordr", apiId,
            $$"""{"dmst_stex_tp":"KRX","stk_cd":"{{code}}","ord_qty":"{{quantity}}","ord_uv":"{{price}}","trde_tp":"0","cond_uv":""}""");
        Assert.Equal(0, answer.GetProperty("return_code").GetInt32());
        return answer.GetProperty("ord_no").GetString()!;
    }

    /// <summary>A buy far enough under the bid to rest.</summary>
    private async Task<string> RestingBuy(string code, long quantity) => await Order("kt10000", code, quantity, TickSize.Step((await Touch(code)).Bid, -20));

    /// <summary>A buy over the ask, then the fills it takes, waited for on the ledger.</summary>
    private async Task<string> FilledBuy(long quantity)
    {
        var number = await Order("kt10000", "005930", quantity, TickSize.Step((await Touch()).Ask, 5));
        Assert.True(await Poll.Until(() => Market.Read(Account, (l, _) => l.Order(long.Parse(number))!.Filled) == quantity, Patience));
        return number;
    }

    private static List<JsonElement> Rows(JsonElement answer, string list) => [.. answer.GetProperty(list).EnumerateArray()];

    [Fact]
    public async Task A_buy_order_is_acknowledged_on_the_socket_listed_as_unfilled_and_cancelled()
    {
        await using var socket = await SimSocket.ConnectAsync(sim.WebSocket);
        await socket.SendAsync($$"""{"trnm":"LOGIN","token":"{{token}}"}""");
        await socket.ReceiveUntilAsync("LOGIN");
        await socket.SendAsync("""{"trnm":"REG","grp_no":"9","refresh":"1","data":[{"item":[""],"type":["00","04"]}]}""");
        await socket.ReceiveUntilAsync("REG");

        var orderNo = await RestingBuy("005930", 3);
        var (accepted, _) = await socket.ReceiveUntilAsync("REAL", f => f.GetProperty("data")[0].GetProperty("type").GetString() == "00");
        var unfilled = await Post("/api/dostk/acnt", "ka10075", AllOpen);
        var deposit = await Post("/api/dostk/acnt", "kt00001", """{"qry_tp":"3"}""");
        var cancelled = await Post("/api/dostk/ordr", "kt10003",
            $$"""{"dmst_stex_tp":"KRX","orig_ord_no":"{{orderNo}}","stk_cd":"005930","cncl_qty":"0"}""");
        var after = await Post("/api/dostk/acnt", "ka10075", AllOpen);

        Assert.Matches("^[0-9]{7}$", orderNo);
        var values = accepted.GetProperty("data")[0].GetProperty("values");
        Assert.Equal((orderNo, "접수", "005930", "3", "0000000"), (values.GetProperty("9203").GetString(), values.GetProperty("913").GetString(),
            values.GetProperty("9001").GetString(), values.GetProperty("900").GetString(), values.GetProperty("904").GetString()));
        var open = Assert.Single(Rows(unfilled, "oso"));
        Assert.Equal((orderNo, "3"), (open.GetProperty("ord_no").GetString(), open.GetProperty("oso_qty").GetString()));
        Assert.True(long.Parse(deposit.GetProperty("ord_alow_amt").GetString()!) < long.Parse(deposit.GetProperty("entr").GetString()!));
        Assert.Equal(("000000000003", orderNo), (cancelled.GetProperty("cncl_qty").GetString(), cancelled.GetProperty("base_orig_ord_no").GetString()));
        Assert.Empty(Rows(after, "oso"));
    }

    [Fact]
    public async Task A_filled_buy_shows_in_the_balance_and_the_fills()
    {
        await FilledBuy(2);
        var balance = await Post("/api/dostk/acnt", "kt00018", """{"qry_tp":"1","dmst_stex_tp":"KRX"}""");
        var fills = await Post("/api/dostk/acnt", "ka10076", AllFilled);

        var row = Assert.Single(Rows(balance, "acnt_evlt_remn_indv_tot"));
        Assert.Equal(("A005930", 2L), (row.GetProperty("stk_cd").GetString(), long.Parse(row.GetProperty("rmnd_qty").GetString()!)));
        var fill = Assert.Single(Rows(fills, "cntr"));
        Assert.Equal(("2", "0000000"), (fill.GetProperty("cntr_qty").GetString(), fill.GetProperty("orig_ord_no").GetString()));
        Assert.True(long.Parse(fill.GetProperty("tdy_trde_cmsn").GetString()!) > 0);
    }

    [Fact]
    public async Task An_order_never_modified_lists_orig_ord_no_0000000_and_its_modification_points_back_to_it()
    {
        var placed = await RestingBuy("005930", 5);
        var (bid, _) = await Touch();
        var modified = await Post("/api/dostk/ordr", "kt10002",
            $$"""{"dmst_stex_tp":"KRX","orig_ord_no":"{{placed}}","stk_cd":"005930","mdfy_qty":"2","mdfy_uv":"{{TickSize.Step(bid, -25)}}","mdfy_cond_uv":""}""");
        var moved = modified.GetProperty("ord_no").GetString();

        var open = Rows(await Post("/api/dostk/acnt", "ka10075", AllOpen), "oso");
        Assert.Equal([(moved, placed, "+매수정정", "2"), (placed, "0000000", "+매수", "3")], open.Select(o => (o.GetProperty("ord_no").GetString(),
            o.GetProperty("orig_ord_no").GetString(), o.GetProperty("io_tp_nm").GetString(), o.GetProperty("oso_qty").GetString())));
        Assert.Equal(("000000000002", placed, "KRX"), (modified.GetProperty("mdfy_qty").GetString(), modified.GetProperty("base_orig_ord_no").GetString(),
            modified.GetProperty("dmst_stex_tp").GetString()));
    }

    [Fact]
    public async Task Modifying_with_quantity_0_moves_all_that_is_left_and_cancelling_the_move_names_the_first_order()
    {
        var placed = await RestingBuy("005930", 3);
        var (bid, _) = await Touch();

        var modified = await Post("/api/dostk/ordr", "kt10002",
            $$"""{"dmst_stex_tp":"KRX","orig_ord_no":"{{placed}}","stk_cd":"005930","mdfy_qty":"0","mdfy_uv":"{{TickSize.Step(bid, -30)}}","mdfy_cond_uv":""}""");
        var moved = modified.GetProperty("ord_no").GetString();
        var cancelled = await Post("/api/dostk/ordr", "kt10003", $$"""{"dmst_stex_tp":"KRX","orig_ord_no":"{{moved}}","stk_cd":"005930","cncl_qty":"0"}""");

        Assert.Equal(0, modified.GetProperty("return_code").GetInt32());
        Assert.Equal("000000000003", modified.GetProperty("mdfy_qty").GetString());
        Assert.Equal(("000000000003", placed), (cancelled.GetProperty("cncl_qty").GetString(), cancelled.GetProperty("base_orig_ord_no").GetString()));
        Assert.Empty(Rows(await Post("/api/dostk/acnt", "ka10075", AllOpen), "oso"));
    }

    [Fact]
    public async Task A_fill_moves_cash_T_plus_2_so_the_deposit_and_its_D1_and_D2_estimates_differ()
    {
        await FilledBuy(2);
        var paid = Market.Read(Account, (l, _) => l.Orders.Sum(o => o.FilledAmount + o.Commission));

        var deposit = await Post("/api/dostk/acnt", "kt00001", """{"qry_tp":"3"}""");

        long Amount(string name) => long.Parse(deposit.GetProperty(name).GetString()!);
        var opening = new SimOptions().InitialCash;
        Assert.Equal((opening, opening, opening - paid), (Amount("entr"), Amount("d1_entra"), Amount("d2_entra")));
        Assert.Equal((paid, 0L, -paid), (Amount("d2_buy_exct_amt"), Amount("d2_sel_exct_amt"), Amount("d2_slby_exct_amt")));
        Assert.Equal((0L, opening - paid), (Amount("d1_slby_exct_amt"), Amount("ord_alow_amt")));
        Assert.Equal(15, deposit.GetProperty("d2_slby_exct_amt").GetString()!.Length);
        Assert.Equal(opening - paid, Amount("pymn_alow_amt"));
    }

    [Fact]
    public async Task A_holding_is_valued_at_the_live_price_net_of_what_selling_it_would_cost()
    {
        await FilledBuy(3);

        var balance = await Post("/api/dostk/acnt", "kt00018", """{"qry_tp":"1","dmst_stex_tp":"KRX"}""");

        var row = Assert.Single(Rows(balance, "acnt_evlt_remn_indv_tot"));
        long Amount(string name) => long.Parse(row.GetProperty(name).GetString()!);
        var position = Market.Read(Account, (l, _) => l.Positions["005930"])!;
        Assert.Equal((position.Cost, position.BuyCommission, 3L), (Amount("pur_amt"), Amount("pur_cmsn"), Amount("tdy_buyq")));
        Assert.Equal(Amount("cur_prc") * 3, Amount("evlt_amt"));
        Assert.Equal(Amount("evlt_amt") - Amount("pur_amt") - Amount("pur_cmsn") - Amount("sell_cmsn") - Amount("tax"), Amount("evltv_prft"));
        Assert.Equal(Amount("pur_cmsn") + Amount("sell_cmsn"), Amount("sum_cmsn"));
        Assert.True(Amount("tax") > 0 && Amount("sell_cmsn") > 0);
        Assert.Equal(("100.00", 12, 15), (row.GetProperty("poss_rt").GetString(), row.GetProperty("cur_prc").GetString()!.Length,
            row.GetProperty("evlt_amt").GetString()!.Length));
        Assert.Equal(Amount("evltv_prft"), long.Parse(balance.GetProperty("tot_evlt_pl").GetString()!));
    }

    [Fact]
    public async Task Open_orders_and_fills_answer_only_the_side_stock_and_venue_asked_for()
    {
        var samsung = await RestingBuy("005930", 1);
        var hynix = await RestingBuy("000660", 1);
        var bought = await FilledBuy(1);

        async Task<List<string?>> Open(string body) => [.. Rows(await Post("/api/dostk/acnt", "ka10075", body), "oso").Select(o => o.GetProperty("ord_no").GetString())];
        async Task<List<string?>> Fills(string body) => [.. Rows(await Post("/api/dostk/acnt", "ka10076", body), "cntr").Select(o => o.GetProperty("ord_no").GetString())];

        Assert.Equal([hynix, samsung], await Open(AllOpen));
        Assert.Equal([samsung], await Open("""{"all_stk_tp":"1","trde_tp":"0","stk_cd":"005930","stex_tp":"0"}"""));
        Assert.Empty(await Open("""{"all_stk_tp":"0","trde_tp":"1","stk_cd":"","stex_tp":"0"}"""));
        Assert.Empty(await Open("""{"all_stk_tp":"0","trde_tp":"0","stk_cd":"","stex_tp":"2"}"""));
        Assert.Equal([bought], await Fills("""{"stk_cd":"","qry_tp":"0","sell_tp":"2","ord_no":"","stex_tp":"1"}"""));
        Assert.Empty(await Fills("""{"stk_cd":"","qry_tp":"0","sell_tp":"1","ord_no":"","stex_tp":"0"}"""));
        Assert.Empty(await Fills($$"""{"stk_cd":"","qry_tp":"0","sell_tp":"0","ord_no":"{{bought}}","stex_tp":"0"}"""));
    }

    [Theory]
    [InlineData("kt00001", """{"qry_tp":"9"}""", "qry_tp")]
    [InlineData("kt00018", """{"qry_tp":"1","dmst_stex_tp":"NXT"}""", "KRX")]
    [InlineData("ka10075", """{"all_stk_tp":"1","trde_tp":"0","stk_cd":"","stex_tp":"0"}""", "stk_cd")]
    [InlineData("ka10075", """{"all_stk_tp":"0","trde_tp":"4","stk_cd":"","stex_tp":"0"}""", "trde_tp")]
    [InlineData("ka10076", """{"stk_cd":"","qry_tp":"0","sell_tp":"7","ord_no":"","stex_tp":"0"}""", "sell_tp")]
    [InlineData("ka10076", """{"stk_cd":"","qry_tp":"0","sell_tp":"0","ord_no":"abc","stex_tp":"0"}""", "ord_no")]
    public async Task A_bad_account_query_is_refused_naming_the_field(string apiId, string body, string field)
    {
        var answer = await Post("/api/dostk/acnt", apiId, body);

        RestProtocolTests.AssertError(answer, "1501");
        Assert.Contains(field, answer.GetProperty("return_msg").GetString());
    }

    [Theory]
    [InlineData("""{"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"1","ord_uv":"70000","trde_tp":"9"}""", "매매구분")]
    [InlineData("""{"dmst_stex_tp":"NXT","stk_cd":"005930","ord_qty":"1","ord_uv":"70000","trde_tp":"0"}""", "KRX")]
    [InlineData("""{"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"abc","ord_uv":"70000","trde_tp":"0"}""", "ord_qty")]
    [InlineData("""{"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"1","ord_uv":"70050","trde_tp":"0"}""", "호가단위")]
    [InlineData("""{"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"1","ord_uv":"70000","trde_tp":"3"}""", "시장가")]
    [InlineData("""{"dmst_stex_tp":"KRX","stk_cd":"999990","ord_qty":"1","ord_uv":"70000","trde_tp":"0"}""", "종목코드")]
    [InlineData("""{"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"99999","ord_uv":"70000","trde_tp":"0"}""", "주문가능금액")]
    public async Task A_bad_order_is_refused_with_a_reason_and_nothing_is_booked(string body, string reason)
    {
        var answer = await Post("/api/dostk/ordr", "kt10000", body);
        var unfilled = await Post("/api/dostk/acnt", "ka10075", AllOpen);

        Assert.NotEqual(0, answer.GetProperty("return_code").GetInt32());
        Assert.Contains(reason, answer.GetProperty("return_msg").GetString());
        Assert.Empty(Rows(unfilled, "oso"));
    }

    [Fact]
    public async Task Orders_past_the_order_budget_get_1700_while_queries_still_pass()
    {
        await using var strict = await SimHost.StartAsync(("Gslts:Sim:OrdersPerSecond", "1"));
        var key = await strict.TokenAsync();

        var orders = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => strict.PostAsync("/api/dostk/ordr", "kt10003",
            """{"dmst_stex_tp":"KRX","orig_ord_no":"0000001","stk_cd":"005930","cncl_qty":"0"}""", key)));
        var query = await strict.PostAsync("/api/dostk/acnt", "kt00001", """{"qry_tp":"3"}""", key);

        Assert.Contains(orders, o => o.GetProperty("return_msg").GetString()!.Contains("[1700:"));
        Assert.Equal(0, query.GetProperty("return_code").GetInt32());
    }
}

using System.Text.Json;

namespace Gslts.KiwoomSim.Tests;

public sealed class OrderProtocolTests : IAsyncLifetime
{
    private SimHost sim = null!;
    private string token = null!;

    public async Task InitializeAsync()
    {
        sim = await SimHost.StartAsync(("Gslts:Sim:OrdersPerSecond", "1000"));
        token = await sim.TokenAsync();
    }

    public async Task DisposeAsync() => await sim.DisposeAsync();

    private Task<JsonElement> Post(string path, string apiId, string body) => sim.PostAsync(path, apiId, body, token);

    private async Task<(long Bid, long Ask)> Touch()
    {
        var book = await Post("/api/dostk/mrkcond", "ka10004", """{"stk_cd":"005930"}""");
        return (Math.Abs(long.Parse(book.GetProperty("buy_fpr_bid").GetString()!)), Math.Abs(long.Parse(book.GetProperty("sel_fpr_bid").GetString()!)));
    }

    [Fact]
    public async Task A_buy_order_is_acknowledged_on_the_socket_listed_as_unfilled_and_cancelled()
    {
        await using var socket = await SimSocket.ConnectAsync(sim.WebSocket);
        await socket.SendAsync($$"""{"trnm":"LOGIN","token":"{{token}}"}""");
        await socket.ReceiveUntilAsync("LOGIN");
        await socket.SendAsync("""{"trnm":"REG","grp_no":"9","refresh":"1","data":[{"item":[""],"type":["00","04"]}]}""");
        await socket.ReceiveUntilAsync("REG");
        var (bid, _) = await Touch();
        var price = bid - 2_000;

        var placed = await Post("/api/dostk/ordr", "kt10000",
            $$"""{"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"3","ord_uv":"{{price}}","trde_tp":"0","cond_uv":""}""");
        var orderNo = placed.GetProperty("ord_no").GetString();
        var (accepted, _) = await socket.ReceiveUntilAsync("REAL", f => f.GetProperty("data")[0].GetProperty("type").GetString() == "00");
        var unfilled = await Post("/api/dostk/acnt", "ka10075", """{"all_stk_tp":"0","trde_tp":"0","stk_cd":"","stex_tp":"0"}""");
        var deposit = await Post("/api/dostk/acnt", "kt00001", """{"qry_tp":"3"}""");
        var cancelled = await Post("/api/dostk/ordr", "kt10003",
            $$"""{"dmst_stex_tp":"KRX","orig_ord_no":"{{orderNo}}","stk_cd":"005930","cncl_qty":"0"}""");
        var after = await Post("/api/dostk/acnt", "ka10075", """{"all_stk_tp":"0","trde_tp":"0","stk_cd":"","stex_tp":"0"}""");

        Assert.Matches("^[0-9]{7}$", orderNo);
        var values = accepted.GetProperty("data")[0].GetProperty("values");
        Assert.Equal((orderNo, "접수", "005930", "3"), (values.GetProperty("9203").GetString(), values.GetProperty("913").GetString(),
            values.GetProperty("9001").GetString(), values.GetProperty("900").GetString()));
        var open = Assert.Single(unfilled.GetProperty("oso").EnumerateArray());
        Assert.Equal((orderNo, "3"), (open.GetProperty("ord_no").GetString(), open.GetProperty("oso_qty").GetString()));
        Assert.True(long.Parse(deposit.GetProperty("ord_alow_amt").GetString()!) < long.Parse(deposit.GetProperty("entr").GetString()!));
        Assert.Equal(("3", orderNo), (cancelled.GetProperty("cncl_qty").GetString(), cancelled.GetProperty("base_orig_ord_no").GetString()));
        Assert.Empty(after.GetProperty("oso").EnumerateArray());
    }

    [Fact]
    public async Task A_filled_buy_shows_in_the_balance_and_the_fills()
    {
        var (_, ask) = await Touch();

        await Post("/api/dostk/ordr", "kt10000", $$"""{"dmst_stex_tp":"KRX","stk_cd":"005930","ord_qty":"2","ord_uv":"{{ask + 500}}","trde_tp":"0"}""");
        var balance = await Post("/api/dostk/acnt", "kt00018", """{"qry_tp":"1","dmst_stex_tp":"KRX"}""");
        var fills = await Post("/api/dostk/acnt", "ka10076", """{"stk_cd":"","qry_tp":"0","sell_tp":"0","ord_no":"","stex_tp":"0"}""");

        var row = Assert.Single(balance.GetProperty("acnt_evlt_remn_indv_tot").EnumerateArray());
        Assert.Equal(("A005930", 2L), (row.GetProperty("stk_cd").GetString(), long.Parse(row.GetProperty("rmnd_qty").GetString()!)));
        var fill = Assert.Single(fills.GetProperty("cntr").EnumerateArray());
        Assert.Equal("2", fill.GetProperty("cntr_qty").GetString());
        Assert.True(long.Parse(fill.GetProperty("tdy_trde_cmsn").GetString()!) > 0);
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
        var unfilled = await Post("/api/dostk/acnt", "ka10075", """{"all_stk_tp":"0","trde_tp":"0","stk_cd":"","stex_tp":"0"}""");

        Assert.NotEqual(0, answer.GetProperty("return_code").GetInt32());
        Assert.Contains(reason, answer.GetProperty("return_msg").GetString());
        Assert.Empty(unfilled.GetProperty("oso").EnumerateArray());
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

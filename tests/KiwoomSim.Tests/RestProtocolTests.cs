using System.Text.Json;

namespace Gslts.KiwoomSim.Tests;

public sealed class RestProtocolTests : IAsyncLifetime
{
    private SimHost sim = null!;

    public async Task InitializeAsync() => sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await sim.DisposeAsync();

    [Fact]
    public async Task A_token_is_issued_to_a_configured_app_key_with_a_kst_expiry()
    {
        var answer = await sim.PostAsync("/oauth2/token", "au10001",
            $$"""{"grant_type":"client_credentials","appkey":"{{SimHost.AppKey}}","secretkey":"{{SimHost.SecretKey}}"}""");

        Assert.Equal(0, answer.GetProperty("return_code").GetInt32());
        Assert.Equal("bearer", answer.GetProperty("token_type").GetString());
        Assert.Matches("^[0-9]{14}$", answer.GetProperty("expires_dt").GetString());
        Assert.NotEmpty(answer.GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task Wrong_credentials_get_a_kiwoom_error_not_a_token()
    {
        var answer = await sim.PostAsync("/oauth2/token", "au10001", """{"grant_type":"client_credentials","appkey":"x","secretkey":"y"}""");

        AssertError(answer, "8001");
        Assert.False(answer.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task Stock_info_reports_the_live_price_and_limits_as_signed_strings()
    {
        var token = await sim.TokenAsync();

        var answer = await sim.PostAsync("/api/dostk/stkinfo", "ka10001", """{"stk_cd":"005930"}""", token);

        Assert.Equal(0, answer.GetProperty("return_code").GetInt32());
        Assert.Equal("삼성전자", answer.GetProperty("stk_nm").GetString());
        Assert.Equal("71000", answer.GetProperty("base_pric").GetString());
        Assert.Equal("+92300", answer.GetProperty("upl_pric").GetString());
        Assert.Equal("-49700", answer.GetProperty("lst_pric").GetString());
        Assert.Matches(@"^[+-]?\d+$", answer.GetProperty("cur_prc").GetString());
    }

    [Fact]
    public async Task Answers_are_plain_UTF8_with_Korean_and_signs_unescaped_as_Kiwoom_writes_them()
    {
        var token = await sim.TokenAsync();
        using var http = sim.Http();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dostk/stkinfo")
        {
            Content = new StringContent("""{"stk_cd":"005930"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("api-id", "ka10001");
        request.Headers.Add("authorization", $"Bearer {token}");

        var text = await (await http.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("\"stk_nm\":\"삼성전자\"", text);
        Assert.Contains("\"upl_pric\":\"+92300\"", text);
    }

    [Theory]
    [InlineData("ka10001", """{"stk_cd":"999999"}""", true, "1902")]
    [InlineData("ka10001", """{"stk_cd":""", true, "1501")]
    [InlineData("ka10001", """[1,2]""", true, "1501")]
    [InlineData("ka10032", """{"mrkt_tp":"000"}""", true, "1504")]
    [InlineData("xx99999", """{"stk_cd":"005930"}""", true, "1505")]
    [InlineData("ka10002", """{"stk_cd":"005930"}""", true, "1998")]
    [InlineData("kt10000", """{"stk_cd":"005930"}""", true, "1504")]
    [InlineData("ka10099", """{"mrkt_tp":"77"}""", true, "1501")]
    [InlineData("", """{"stk_cd":"005930"}""", true, "1505")]
    [InlineData("ka10001", """{"stk_cd":"005930"}""", false, "1513")]
    public async Task Bad_requests_get_a_kiwoom_error_code(string apiId, string body, bool withToken, string code)
    {
        var token = withToken ? await sim.TokenAsync() : null;

        var answer = await sim.PostAsync("/api/dostk/stkinfo", apiId, body, token);

        AssertError(answer, code);
    }

    [Fact]
    public async Task An_expired_or_revoked_token_is_refused_with_8005()
    {
        var token = await sim.TokenAsync();
        var revoked = await sim.PostAsync("/oauth2/revoke", "au10002",
            $$"""{"appkey":"{{SimHost.AppKey}}","secretkey":"{{SimHost.SecretKey}}","token":"{{token}}"}""");

        var answer = await sim.PostAsync("/api/dostk/stkinfo", "ka10001", """{"stk_cd":"005930"}""", token);

        Assert.Equal(0, revoked.GetProperty("return_code").GetInt32());
        AssertError(answer, "8005");
    }

    [Fact]
    public async Task A_token_is_issued_and_revoked_without_an_api_id_header_as_Kiwooms_own_SDK_calls()
    {
        var (issuedStatus, issued) = await sim.SendAsync(HttpMethod.Post, "/oauth2/token", apiId: null,
            $$"""{"grant_type":"client_credentials","appkey":"{{SimHost.AppKey}}","secretkey":"{{SimHost.SecretKey}}"}""");
        var token = issued.GetProperty("token").GetString();
        var (_, revoked) = await sim.SendAsync(HttpMethod.Post, "/oauth2/revoke", apiId: null,
            $$"""{"appkey":"{{SimHost.AppKey}}","secretkey":"{{SimHost.SecretKey}}","token":"{{token}}"}""");
        var afterwards = await sim.PostAsync("/api/dostk/stkinfo", "ka10001", """{"stk_cd":"005930"}""", token);

        Assert.Equal((System.Net.HttpStatusCode.OK, 0), (issuedStatus, issued.GetProperty("return_code").GetInt32()));
        Assert.Equal(0, revoked.GetProperty("return_code").GetInt32());
        AssertError(afterwards, "8005");
    }

    [Theory]
    [InlineData("/oauth2/token", "ka10001", "1504")]
    [InlineData("/oauth2/token", "au10002", "1504")]
    [InlineData("/oauth2/revoke", "au10001", "1504")]
    public async Task A_token_call_whose_api_id_header_names_another_id_is_refused(string path, string apiId, string code)
    {
        var (_, answer) = await sim.SendAsync(HttpMethod.Post, path, apiId,
            $$"""{"grant_type":"client_credentials","appkey":"{{SimHost.AppKey}}","secretkey":"{{SimHost.SecretKey}}"}""");

        AssertError(answer, code);
        Assert.False(answer.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task Revoking_with_a_wrong_secret_key_is_refused_and_the_token_still_works()
    {
        var token = await sim.TokenAsync();

        var refused = await sim.PostAsync("/oauth2/revoke", "au10002", $$"""{"appkey":"{{SimHost.AppKey}}","secretkey":"wrong","token":"{{token}}"}""");
        var afterwards = await sim.PostAsync("/api/dostk/stkinfo", "ka10001", """{"stk_cd":"005930"}""", token);

        AssertError(refused, "8001");
        Assert.Equal(0, afterwards.GetProperty("return_code").GetInt32());
    }

    [Theory]
    [InlineData("/api/dostk/nothing-here", "ka10001", 200, "1504")]
    [InlineData("/api/dostk/sect", "ka20001", 200, "1998")]
    [InlineData("/not-kiwoom", "ka10001", 200, "1504")]
    [InlineData("/not-kiwoom", "", 404, "1997")]
    [InlineData("/not-kiwoom/page.json", "", 404, "1997")]
    public async Task A_path_the_sim_does_not_serve_answers_a_kiwoom_json_error(string path, string apiId, int status, string code)
    {
        var (answerStatus, answer) = await sim.SendAsync(HttpMethod.Post, path, apiId, """{"stk_cd":"005930"}""", await sim.TokenAsync());

        Assert.Equal(status, (int)answerStatus);
        AssertError(answer, code);
    }

    [Fact]
    public async Task A_real_kiwoom_api_id_the_sim_lacks_is_named_not_supported_by_the_simulator_with_what_it_serves()
    {
        var answer = await sim.PostAsync("/api/dostk/chart", "ka10082", """{"stk_cd":"005930"}""", await sim.TokenAsync());

        AssertError(answer, "1998");
        var message = answer.GetProperty("return_msg").GetString()!;
        Assert.Contains("not supported by the simulator", message);
        Assert.Contains("ka10081", message);
    }

    [Fact]
    public async Task A_GET_on_a_kiwoom_path_is_refused_in_kiwoom_json()
    {
        var (status, answer) = await sim.SendAsync(HttpMethod.Get, "/api/dostk/stkinfo", "ka10001", body: null, await sim.TokenAsync());

        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, status);
        AssertError(answer, "1501");
    }

    [Fact]
    public async Task A_real_market_the_sim_lists_nothing_in_answers_an_empty_stock_list()
    {
        var answer = await sim.PostAsync("/api/dostk/stkinfo", "ka10099", """{"mrkt_tp":"8"}""", await sim.TokenAsync());

        Assert.Equal(0, answer.GetProperty("return_code").GetInt32());
        Assert.Empty(answer.GetProperty("list").EnumerateArray());
    }

    internal static void AssertError(JsonElement answer, string code)
    {
        Assert.NotEqual(0, answer.GetProperty("return_code").GetInt32());
        Assert.Contains($"[{code}:", answer.GetProperty("return_msg").GetString());
    }
}

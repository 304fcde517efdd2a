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
    [InlineData("ka99999", """{"stk_cd":"005930"}""", true, "1505")]
    [InlineData("ka10099", """{"mrkt_tp":"7"}""", true, "1501")]
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

    internal static void AssertError(JsonElement answer, string code)
    {
        Assert.NotEqual(0, answer.GetProperty("return_code").GetInt32());
        Assert.Contains($"[{code}:", answer.GetProperty("return_msg").GetString());
    }
}

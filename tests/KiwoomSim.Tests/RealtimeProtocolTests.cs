using System.Text.Json;

namespace Gslts.KiwoomSim.Tests;

public sealed class RealtimeProtocolTests : IAsyncLifetime
{
    private SimHost sim = null!;

    public async Task InitializeAsync() => sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await sim.DisposeAsync();

    [Fact]
    public async Task A_registered_stock_streams_0B_trades_in_kiwoom_field_formats()
    {
        await using var socket = await LoggedInAsync();

        await socket.SendAsync("""{"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["005930"],"type":["0B"]}]}""");
        var (answer, _) = await socket.ReceiveUntilAsync("REG");
        var (real, _) = await socket.ReceiveUntilAsync("REAL");

        Assert.Equal(0, answer.GetProperty("return_code").GetInt32());
        var item = real.GetProperty("data")[0];
        Assert.Equal(("0B", "005930"), (item.GetProperty("type").GetString(), item.GetProperty("item").GetString()));
        var values = item.GetProperty("values");
        Assert.Matches("^(09|1[0-5])[0-5][0-9][0-5][0-9]$", values.GetProperty("20").GetString());
        Assert.Matches(@"^[+-]?\d+$", values.GetProperty("10").GetString());
        Assert.Matches(@"^[+-]\d+$", values.GetProperty("15").GetString());
        Assert.Matches(@"^\d+$", values.GetProperty("13").GetString());
        Assert.Matches(@"^[+-]?\d+\.\d\d$", values.GetProperty("12").GetString());
    }

    [Fact]
    public async Task After_REMOVE_no_more_trades_of_that_stock_arrive()
    {
        await using var socket = await LoggedInAsync();
        await socket.SendAsync("""{"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["005930","000660"],"type":["0B"]}]}""");
        await socket.ReceiveUntilAsync("REG");

        await socket.SendAsync("""{"trnm":"REMOVE","grp_no":"1","data":[{"item":["005930"],"type":["0B"]}]}""");
        await socket.ReceiveUntilAsync("REMOVE");
        var seen = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var (real, _) = await socket.ReceiveUntilAsync("REAL");
            seen.AddRange(real.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("item").GetString()!));
        }

        Assert.Contains("000660", seen);
        Assert.DoesNotContain("005930", seen);
    }

    [Fact]
    public async Task A_malformed_frame_gets_an_error_frame_and_the_session_lives_on()
    {
        await using var socket = await LoggedInAsync();

        await socket.SendAsync("{not json");
        var error = await socket.ReceiveAsync();
        await socket.SendAsync("""{"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["NOPE01"],"type":["0B"]}]}""");
        var (refused, _) = await socket.ReceiveUntilAsync("REG");
        await socket.SendAsync("""{"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["000660"],"type":["0B"]}]}""");
        var (accepted, _) = await socket.ReceiveUntilAsync("REG");

        Assert.NotEqual(0, error!.Value.GetProperty("return_code").GetInt32());
        Assert.Contains("[1902:", refused.GetProperty("return_msg").GetString());
        Assert.Equal(0, accepted.GetProperty("return_code").GetInt32());
    }

    [Fact]
    public async Task A_login_with_a_bad_token_is_refused_and_closed()
    {
        await using var socket = await SimSocket.ConnectAsync(sim.WebSocket);

        await socket.SendAsync("""{"trnm":"LOGIN","token":"not-a-token"}""");
        var answer = await socket.ReceiveAsync();
        var after = await socket.ReceiveAsync();

        Assert.Contains("[8005:", answer!.Value.GetProperty("return_msg").GetString());
        Assert.Null(after);
    }

    [Fact]
    public async Task A_second_login_with_the_same_app_key_drops_the_first_with_R10001()
    {
        await using var first = await LoggedInAsync();
        await using var second = await LoggedInAsync();

        var (system, _) = await first.ReceiveUntilAsync("SYSTEM");
        var closed = await first.ReceiveAsync();

        Assert.Equal("R10001", system.GetProperty("code").GetString());
        Assert.Null(closed);
    }

    [Fact]
    public async Task A_REG_past_the_sessions_code_cap_is_refused_whole_and_what_was_registered_stays()
    {
        await using var capped = await SimHost.StartAsync(("Gslts:Sim:CodesPerSession", "3"));
        await using var socket = await LoggedInAsync(capped);

        await socket.SendAsync("""{"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["005930","000660"],"type":["0B","0D"]}]}""");
        var (first, _) = await socket.ReceiveUntilAsync("REG");
        await socket.SendAsync("""{"trnm":"REG","grp_no":"2","refresh":"1","data":[{"item":["035420","105560"],"type":["0B"]}]}""");
        var (tooMany, _) = await socket.ReceiveUntilAsync("REG");
        await socket.SendAsync("""{"trnm":"REG","grp_no":"2","refresh":"1","data":[{"item":["035420"],"type":["0B"]}]}""");
        var (third, _) = await socket.ReceiveUntilAsync("REG");
        var seen = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var (real, _) = await socket.ReceiveUntilAsync("REAL");
            seen.UnionWith(real.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("item").GetString()!));
        }

        Assert.Equal((0, 0), (first.GetProperty("return_code").GetInt32(), third.GetProperty("return_code").GetInt32()));
        Assert.NotEqual(0, tooMany.GetProperty("return_code").GetInt32());
        Assert.Contains("[2001:", tooMany.GetProperty("return_msg").GetString());
        Assert.Subset(new HashSet<string> { "005930", "000660", "035420" }, seen);
        Assert.Contains("005930", seen);
    }

    private async Task<SimSocket> LoggedInAsync(SimHost? on = null)
    {
        on ??= sim;
        var socket = await SimSocket.ConnectAsync(on.WebSocket);
        await socket.SendAsync($$"""{"trnm":"LOGIN","token":"{{await on.TokenAsync()}}"}""");
        var (login, _) = await socket.ReceiveUntilAsync("LOGIN");
        Assert.Equal(0, login.GetProperty("return_code").GetInt32());
        return socket;
    }
}

using System.Text.Json;

namespace Gslts.KiwoomSim.Tests;

public sealed class BookTests : IAsyncLifetime
{
    private SimHost sim = null!;

    public async Task InitializeAsync() => sim = await SimHost.StartAsync();

    public async Task DisposeAsync() => await sim.DisposeAsync();

    [Fact]
    public async Task The_order_book_query_shows_up_to_ten_levels_each_side_best_first_and_uncrossed()
    {
        var token = await sim.TokenAsync();

        // The order flow fills the book within moments of the start (slower on a loaded machine): asked until it has.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        JsonElement book;
        List<(long Price, long Quantity)> asks, bids;
        do
        {
            await Task.Delay(200);
            book = await sim.PostAsync("/api/dostk/mrkcond", "ka10004", """{"stk_cd":"005930"}""", token);
            Assert.Equal(0, book.GetProperty("return_code").GetInt32());
            // An empty level reads "0".
            asks = [.. Levels(book, "sel").Where(l => l.Price > 0)];
            bids = [.. Levels(book, "buy").Where(l => l.Price > 0)];
        }
        while ((asks.Count < 5 || bids.Count < 5) && DateTime.UtcNow < deadline);

        // A busy book shows most of its ten levels.
        Assert.InRange(asks.Count, 5, 10);
        Assert.InRange(bids.Count, 5, 10);
        Assert.Equal(asks.OrderBy(l => l.Price), asks);
        Assert.Equal(bids.OrderByDescending(l => l.Price), bids);
        Assert.True(bids[0].Price < asks[0].Price, $"best bid {bids[0].Price} < best ask {asks[0].Price}");
        Assert.True(asks.Sum(l => l.Quantity) <= long.Parse(book.GetProperty("tot_sel_req").GetString()!));
    }

    [Fact]
    public async Task A_stock_registered_for_0D_streams_its_book_after_trades()
    {
        await using var socket = await SimSocket.ConnectAsync(sim.WebSocket);
        await socket.SendAsync($$"""{"trnm":"LOGIN","token":"{{await sim.TokenAsync()}}"}""");
        await socket.ReceiveUntilAsync("LOGIN");
        await socket.SendAsync("""{"trnm":"REG","grp_no":"1","refresh":"1","data":[{"item":["005930"],"type":["0D"]}]}""");
        await socket.ReceiveUntilAsync("REG");

        var (real, _) = await socket.ReceiveUntilAsync("REAL");

        var item = real.GetProperty("data")[0];
        Assert.Equal("0D", item.GetProperty("type").GetString());
        var values = item.GetProperty("values");
        var bestAsk = Math.Abs(long.Parse(values.GetProperty("41").GetString()!));
        var bestBid = Math.Abs(long.Parse(values.GetProperty("51").GetString()!));
        Assert.True(bestBid < bestAsk);
        Assert.True(long.Parse(values.GetProperty("61").GetString()!) > 0);
        Assert.Matches("^[0-9]{6}$", values.GetProperty("21").GetString());
    }

    private static List<(long Price, long Quantity)> Levels(JsonElement book, string side) =>
        Enumerable.Range(1, 10)
            .Select(i => i == 1 ? $"{side}_fpr" : $"{side}_{i}th_pre")
            .Select(key => (Math.Abs(long.Parse(book.GetProperty(key + "_bid").GetString()!)), long.Parse(book.GetProperty(key + "_req").GetString()!)))
            .ToList();
}

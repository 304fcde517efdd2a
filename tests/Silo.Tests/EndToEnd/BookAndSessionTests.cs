using System.Net;
using System.Net.Http.Json;
using Gslts.Grains.Interfaces.Market;
using Gslts.Grains.Interfaces.Stocks;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Gslts.Silo.Tests.EndToEnd;

/// <summary>The 10-level book and the market session as the page receives them: REST and hub pushes, fed by the sim.</summary>
public sealed class BookAndSessionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_watched_stocks_book_is_pushed_only_while_shown_and_an_unwatched_stocks_book_is_refused()
    {
        await using var host = await TestHost.StartAsync();
        await host.StockMasterLoadedAsync(Patience);
        using var http = new HttpClient { BaseAddress = host.Web };
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.Web, "/hubs/market")).Build();
        var books = 0;
        var pushed = new TaskCompletionSource<OrderBook>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<OrderBook>("book", book =>
        {
            Interlocked.Increment(ref books);
            pushed.TrySetResult(book);
        });
        await connection.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<OrderBook?>("WatchBook", "005930"));
        await connection.InvokeAsync<StockSnapshot>("Watch", "005930");
        await connection.InvokeAsync<OrderBook?>("WatchBook", "005930");
        var book = await pushed.Task.WaitAsync(Patience);
        var rest = await Poll.Until(() => http.GetAsync("/api/stocks/005930/book"), r => r.StatusCode == HttpStatusCode.OK, Patience);
        var stored = await rest!.Content.ReadFromJsonAsync<OrderBook>();

        Assert.Contains("Watch(\"005930\")", refused.Message);
        Assert.Equal("005930", book.Code);
        // Levels with nothing resting are not sent: a thin book has fewer than ten a side.
        Assert.InRange(book.Asks.Length, 1, 10);
        Assert.InRange(book.Bids.Length, 1, 10);
        Assert.True(book.Asks[0].Price > book.Bids[0].Price, $"best ask {book.Asks[0].Price} above best bid {book.Bids[0].Price}");
        Assert.Equal(book.Asks.Select(a => a.Price).Order(), book.Asks.Select(a => a.Price));
        Assert.Equal(book.Bids.Select(b => b.Price).OrderDescending(), book.Bids.Select(b => b.Price));
        Assert.Equal("005930", stored!.Code);
        Assert.NotEmpty(stored.Asks);

        await connection.InvokeAsync("UnwatchBook");
        // A push already on its way may still land; after that, none.
        await Task.Delay(500);
        var afterUnwatch = Volatile.Read(ref books);
        var stillPushing = await Poll.Until(() => Volatile.Read(ref books) > afterUnwatch, TimeSpan.FromSeconds(3));
        Assert.False(stillPushing, "books kept coming after UnwatchBook");
    }

    [Fact]
    public async Task The_market_session_comes_from_the_feeds_0s_over_rest_and_the_hub()
    {
        await using var host = await TestHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Web };
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(host.Web, "/hubs/market")).Build();
        await connection.StartAsync();

        var status = await Poll.Until(() => http.GetFromJsonAsync<MarketStatus>("/api/market"), s => s!.Source == "feed", Patience);
        var watched = await connection.InvokeAsync<MarketStatus>("WatchMarket");

        // The test sim opens its virtual day at 09:00: the exchange says 장시작 (3) whatever the wall clock says.
        Assert.Equal((MarketSessionKind.Open, "장중", "3"), (status!.Session, status.Label, status.ExchangeCode));
        Assert.Equal(MarketSessionKind.Open, watched.Session);
        Assert.InRange(Gslts.Krx.Kst.TimeOf(watched.MarketTime), new TimeOnly(9, 0), new TimeOnly(15, 30));
    }
}

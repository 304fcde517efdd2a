using System.Net;
using System.Net.Sockets;
using Gslts.Grains.Interfaces.Accounts;
using Gslts.KiwoomBridge.Auth;
using Gslts.KiwoomBridge.Rest;
using Gslts.KiwoomSim;
using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>The bridge's REST client against KiwoomSim: typed calls, paging, budgets, token renewal, faults.</summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private IHost host = null!;
    private Uri sim = null!;

    private KiwoomApi Api => host.Services.GetRequiredService<KiwoomApi>();

    public async Task InitializeAsync()
    {
        sim = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Gslts:Sim:Urls"] = sim.ToString(),
                ["Gslts:Sim:StartTime"] = "09:00:00",
                ["Gslts:Sim:TradesPerSecond"] = "2000",
                ["Gslts:Sim:PageSize"] = "100",
                ["Gslts:Sim:QueriesPerSecond"] = "3",
                ["Gslts:Sim:OrdersPerSecond"] = "3",
                ["Gslts:Sim:Accounts:0:AppKey"] = "rest-key",
                ["Gslts:Sim:Accounts:0:SecretKey"] = "rest-secret",
                ["Gslts:Sim:Accounts:0:AccountNo"] = "70000001",
                ["Gslts:Kiwoom:BaseUrl"] = sim.ToString(),
                ["Gslts:Kiwoom:AppKey"] = "rest-key",
                ["Gslts:Kiwoom:SecretKey"] = "rest-secret",
                ["Gslts:Kiwoom:Ranking:Enabled"] = "false",
                ["Gslts:Kiwoom:QueriesPerSecond"] = "3",
                ["Gslts:Kiwoom:OrdersPerSecond"] = "3",
                ["Gslts:Kiwoom:Codes:0"] = "005930",
                ["Gslts:Kiwoom:LoadStockMaster"] = "false",
            }))
            .ConfigureLogging(l => l.AddProvider(logs))
            .ConfigureServices((context, services) => services
                .AddSingleton(RecordingGrains.Create().Factory)
                .AddKiwoomSim(context.Configuration)
                .AddKiwoomBridge(context.Configuration))
            .Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Stock_info_is_read_from_kiwoom_strings_into_numbers()
    {
        var info = await Api.StockInfoAsync("005930", CancellationToken.None);

        Assert.Equal(("005930", "삼성전자", 71_000L, 92_300L, 49_700L), (info.Code, info.Name, info.BasePrice, info.UpperLimit, info.LowerLimit));
        Assert.InRange(info.Price, info.LowerLimit, info.UpperLimit);
    }

    [Fact]
    public async Task The_stock_list_follows_every_page()
    {
        var listings = await Api.StockListAsync("0", CancellationToken.None).ToListAsync();

        var kospi = host.Services.GetRequiredService<SimMarket>().Listings.Count(l => l.Market == "KOSPI");
        Assert.Equal(kospi, listings.Count);
        Assert.Contains(listings, l => l is { Code: "005930", Name: "삼성전자", Sector: "반도체", PreviousClose: 71_000 });
    }

    [Fact]
    public async Task Calls_stay_inside_the_per_key_budget_so_Kiwoom_never_answers_1700()
    {
        var infos = await Task.WhenAll(Enumerable.Range(0, 9).Select(_ => Api.StockInfoAsync("000660", CancellationToken.None)));

        Assert.All(infos, i => Assert.Equal("SK하이닉스", i.Name));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("1700"));
    }

    [Fact]
    public async Task A_1700_a_5xx_and_an_expired_token_on_a_query_are_retried_until_it_succeeds()
    {
        await Api.StockInfoAsync("005930", CancellationToken.None);
        using var http = new HttpClient { BaseAddress = sim };
        (await http.PostAsync("/sim/faults/rate-limit?count=1", null)).EnsureSuccessStatusCode();
        (await http.PostAsync("/sim/faults/expire-tokens", null)).EnsureSuccessStatusCode();

        var info = await Api.StockInfoAsync("005930", CancellationToken.None);
        (await http.PostAsync("/sim/faults/rest-errors?count=2", null)).EnsureSuccessStatusCode();
        var again = await Api.StockInfoAsync("005930", CancellationToken.None);

        Assert.Equal("삼성전자", info.Name);
        Assert.Equal("삼성전자", again.Name);
    }

    [Fact]
    public async Task An_order_whose_answer_is_lost_is_not_sent_again_and_reconciles_from_open_orders()
    {
        var ask = (await Api.StockInfoAsync("005930", CancellationToken.None)).LowerLimit;
        using var http = new HttpClient { BaseAddress = sim };
        (await http.PostAsync("/sim/faults/rest-errors?count=1", null)).EnsureSuccessStatusCode();

        await Assert.ThrowsAsync<OrderOutcomeUnknownException>(() => Api.PlaceAsync(buy: true, "005930", 1, ask, CancellationToken.None));
        var open = await Api.OpenOrdersAsync(CancellationToken.None);

        Assert.Empty(open);
    }

    [Fact]
    public async Task An_order_placed_rests_in_the_open_orders_and_is_cancelled()
    {
        var low = (await Api.StockInfoAsync("005930", CancellationToken.None)).LowerLimit;

        var orderNo = await Api.PlaceAsync(buy: true, "005930", 2, low, CancellationToken.None);
        var open = await Api.OpenOrdersAsync(CancellationToken.None);
        await Api.CancelAsync(orderNo, "005930", 0, CancellationToken.None);
        var after = await Api.OpenOrdersAsync(CancellationToken.None);

        var order = Assert.Single(open);
        Assert.Equal((orderNo, "005930", true, low, 2L), (order.OrderNo, order.Code, order.Buy, order.Price, order.Remaining));
        Assert.Empty(after);
    }

    [Fact]
    public async Task A_refused_order_raises_the_kiwoom_error_and_is_not_retried()
    {
        var error = await Assert.ThrowsAsync<KiwoomException>(() => Api.PlaceAsync(buy: true, "005930", 1, 70_050, CancellationToken.None));

        Assert.Contains("호가단위", error.Message);
        Assert.Empty(await Api.OpenOrdersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_day_tape_comes_newest_first_and_holds_the_whole_day_volume()
    {
        // The day has traded (the tape is not empty) once the exchange reports volume.
        var before = await Poll.Until(async () => (await Api.StockInfoAsync("005930", CancellationToken.None)).Volume, v => v > 0, TimeSpan.FromSeconds(30));

        var ticks = await Api.DayTapeAsync("005930", CancellationToken.None).ToListAsync();
        var after = (await Api.StockInfoAsync("005930", CancellationToken.None)).Volume;

        Assert.NotEmpty(ticks);
        Assert.Equal(ticks.Select(t => t.Time).OrderDescending(), ticks.Select(t => t.Time));
        Assert.All(ticks, t => Assert.True(t.Price > 0 && t.Quantity > 0));
        Assert.Single(ticks.Select(t => t.Time.Date).Distinct());
        var volume = ticks.Sum(t => t.Quantity);
        Assert.InRange(volume, before, after);
    }
}

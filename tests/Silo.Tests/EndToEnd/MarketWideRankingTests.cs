using System.Net.Http.Json;
using System.Text.Json;
using Gslts.Grains.Interfaces.Ranking;
using Gslts.KiwoomBridge;

namespace Gslts.Silo.Tests.EndToEnd;

/// <summary>The ranking of the whole market, not only of the design's 23 large caps the bridge used to collect.</summary>
public sealed class MarketWideRankingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private static readonly HashSet<string> LargeCaps = [.. KiwoomOptions.DefaultCodes];

    [Fact]
    public async Task The_embedded_default_collects_every_simulated_stock_live_and_ranks_far_beyond_the_large_caps()
    {
        // As `dotnet run` starts it: the virtual day from 08:59:30, the bridge logged in before the open.
        await using var host = await TestHost.StartAsync("--Gslts:Kiwoom:Collect=All", "--Gslts:Sim:StartTime=08:59:30");
        using var http = new HttpClient { BaseAddress = host.Web };

        var feed = await Poll.Until(async () => (await HealthAsync(http)).GetProperty("checks").GetProperty("feed"),
            f => f.GetProperty("status").GetString() == "Healthy" && f.GetProperty("data").GetProperty("codes").GetInt32() == 2_500, Patience);
        var top = await Poll.Until(() => http.GetFromJsonAsync<TopList>("/api/ranking?n=100"), t => t!.Stocks.Count == 100, Patience);
        var kosdaq = await Poll.Until(() => http.GetFromJsonAsync<TopList>("/api/ranking?scope=KOSDAQ&n=20"), t => t!.Stocks.Count == 20, Patience);

        Assert.Equal("Healthy", feed.GetProperty("status").GetString());
        var data = feed.GetProperty("data");
        Assert.Equal((2_500, 0, 25), (data.GetProperty("codes").GetInt32(), data.GetProperty("uncovered").GetInt32(), data.GetProperty("connections").GetInt32()));
        Assert.Equal(100, top!.Stocks.Select(s => s.Code).Distinct().Count());
        var beyond = top.Stocks.Where(s => !LargeCaps.Contains(s.Code)).ToList();
        Assert.True(beyond.Count >= 100 - LargeCaps.Count, $"{beyond.Count} of the top 100 are not large caps");
        Assert.Contains(beyond, s => s.Live);
        Assert.All(kosdaq!.Stocks, s => Assert.Equal("KOSDAQ", s.Market));
        // Every stock's trades reach its grain as they come: none waits for a backfill of trades it missed.
        var journal = (await HealthAsync(http)).GetProperty("checks").GetProperty("journal");
        Assert.Equal("Healthy", journal.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Exchange_ranking_orders_stocks_the_feed_does_not_collect()
    {
        // The large caps collected live; the exchange's ranking taken every two seconds.
        await using var host = await TestHost.StartAsync("--Gslts:Kiwoom:Ranking:Interval=00:00:02");
        using var http = new HttpClient { BaseAddress = host.Web };

        var top = await Poll.Until(() => http.GetFromJsonAsync<TopList>("/api/ranking?n=100"),
            t => t!.ExchangeAsOf is not null && t.Stocks.Count == 100 && t.Stocks.Any(s => s.Live), Patience);
        var kosdaq = await http.GetFromJsonAsync<TopList>("/api/ranking?scope=KOSDAQ&n=50");
        var ranking = (await HealthAsync(http)).GetProperty("checks").GetProperty("ranking");

        Assert.NotNull(top!.ExchangeAsOf);
        Assert.All(top.Stocks.Where(s => s.Live), s => Assert.Contains(s.Code, LargeCaps));
        var fromExchange = top.Stocks.Where(s => !s.Live).ToList();
        Assert.True(fromExchange.Count >= 100 - LargeCaps.Count, $"{fromExchange.Count} of the top 100 came from the exchange's ranking");
        Assert.All(fromExchange, s => Assert.True(s.AsOf <= top.ExchangeAsOf && s.Name is not null && s.Market is "KOSPI" or "KOSDAQ", $"{s}"));
        Assert.Equal(Enumerable.Range(1, 100), top.Stocks.Select(s => s.Rank));
        Assert.Equal(top.Stocks.Select(s => s.TradingValue).OrderDescending(), top.Stocks.Select(s => s.TradingValue));
        // None of the large caps is a KOSDAQ stock: that market is ranked by the exchange's rows alone.
        Assert.NotEmpty(kosdaq!.Stocks);
        Assert.All(kosdaq.Stocks, s => Assert.Equal(("KOSDAQ", false), (s.Market, s.Live)));
        Assert.Equal("Healthy", ranking.GetProperty("status").GetString());
        Assert.Equal(500, ranking.GetProperty("data").GetProperty("rows").GetInt32());
    }

    private static async Task<JsonElement> HealthAsync(HttpClient http) => await (await http.GetAsync("/healthz")).Content.ReadFromJsonAsync<JsonElement>();
}

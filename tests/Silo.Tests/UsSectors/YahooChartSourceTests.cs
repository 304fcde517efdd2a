using System.Net;
using System.Text.Json;
using Gslts.Grains.Interfaces.Sectors;
using Gslts.KiwoomBridge.UsMarket;
using Microsoft.Extensions.Options;

namespace Gslts.Silo.Tests.UsSectors;

public sealed class YahooChartSourceTests
{
    private static readonly DateTimeOffset AfterTheClose = new(2025, 6, 17, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DuringTheSession = new(2025, 6, 16, 18, 0, 0, TimeSpan.Zero);

    private static DailyClose C(int day, decimal close) => new(new DateOnly(2025, 6, day), close);

    [Fact]
    public void A_chart_becomes_closes_dated_in_New_York_skipping_bars_without_a_close()
    {
        var closes = YahooChartSource.ReadChart("XLK", Parse(YahooFixtures.XlkChart), AfterTheClose);

        Assert.Equal("XLK", closes.Symbol);
        Assert.Equal([C(9, 241.37m), C(10, 243.05m), C(11, 242.18m), C(13, 239.92m), C(16, 244.61m)], closes.Closes);
    }

    [Fact]
    public void The_bar_of_a_session_still_open_is_not_a_close()
    {
        var closes = YahooChartSource.ReadChart("XLK", Parse(YahooFixtures.XlkChart), DuringTheSession);

        Assert.Equal(new DateOnly(2025, 6, 13), closes.Closes[^1].Date);
        Assert.Equal(4, closes.Closes.Count);
    }

    [Fact]
    public void Without_a_known_zone_name_the_bars_are_dated_by_the_offset()
    {
        var closes = YahooChartSource.ReadChart("XLF", Parse(YahooFixtures.UnknownZoneChart), AfterTheClose);

        Assert.Equal([C(9, 51.2m), C(10, 51.75m)], closes.Closes);
    }

    [Fact]
    public void Yahoos_error_answer_is_reported_with_its_description()
    {
        var failure = Assert.Throws<FormatException>(() => YahooChartSource.ReadChart("XLZ", Parse(YahooFixtures.NotFound), AfterTheClose));

        Assert.Contains("No data found", failure.Message);
    }

    [Fact]
    public async Task Each_symbol_is_asked_for_its_daily_chart_and_one_failing_does_not_cost_the_others()
    {
        var http = new StubHttp(request => request.RequestUri!.AbsolutePath.EndsWith("/XLK", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, YahooFixtures.XlkChart)
            : (HttpStatusCode.NotFound, YahooFixtures.NotFound));
        var source = new YahooChartSource(http, Options.Create(new UsMarketOptions { YahooBaseUrl = "https://yahoo.test/" }), new FixedTime(AfterTheClose));

        var fetch = await source.FetchAsync(["XLK", "XLZ"], CancellationToken.None);

        Assert.Equal(["https://yahoo.test/v8/finance/chart/XLK?interval=1d&range=1y", "https://yahoo.test/v8/finance/chart/XLZ?interval=1d&range=1y"],
            http.Requests.Select(u => u.ToString()));
        Assert.Equal(["XLK"], fetch.Series.Select(s => s.Symbol));
        Assert.Equal(5, fetch.Series[0].Closes.Count);
        Assert.Contains("Not Found", fetch.Failed["XLZ"]);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}

/// <summary>A clock standing still.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

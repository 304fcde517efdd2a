using System.Net;
using System.Text.Json;
using Gslts.Grains.Interfaces.Sectors;
using Gslts.KiwoomBridge.UsMarket;
using Microsoft.Extensions.Options;

namespace Gslts.Silo.Tests.UsSectors;

public sealed class SimUsSectorSourceTests
{
    // The shape KiwoomSim's GET /sim/us-sectors answers (numbers made up): a Monday's trading day, Friday's US session.
    private const string Answer = """
        { "tradingDate": "2026-03-23", "previousSession": "2026-03-20", "spy": -0.42,
          "sectors": { "XLK": 1.37, "XLF": -0.8, "XLE": 0 } }
        """;

    [Fact]
    public void Each_move_becomes_a_previous_close_on_the_weekday_before_and_a_last_close_on_the_session()
    {
        var fetch = SimUsSectorSource.ReadMoves(JsonDocument.Parse(Answer).RootElement, ["XLK", "XLF", "XLE", "SPY", "XLC"]);

        var thursday = new DateOnly(2026, 3, 19);
        var friday = new DateOnly(2026, 3, 20);
        Assert.Equal(["XLK", "XLF", "XLE", "SPY"], fetch.Series.Select(s => s.Symbol));
        Assert.Equal([new DailyClose(thursday, 100m), new DailyClose(friday, 101.37m)], fetch.Series[0].Closes);
        Assert.Equal(99.2m, fetch.Series[1].Closes[1].Close);
        Assert.Equal(100m, fetch.Series[2].Closes[1].Close);
        Assert.Equal(99.58m, fetch.Series[3].Closes[1].Close);
        Assert.Equal(["XLC"], fetch.Failed.Keys);
    }

    [Fact]
    public void A_monday_session_starts_from_the_friday_before()
    {
        var fetch = SimUsSectorSource.ReadMoves(JsonDocument.Parse("""{ "previousSession": "2026-03-23", "spy": 1, "sectors": {} }""").RootElement, ["SPY"]);

        Assert.Equal(new DateOnly(2026, 3, 20), fetch.Series[0].Closes[0].Date);
    }

    [Fact]
    public async Task The_sims_us_sectors_path_is_asked()
    {
        var http = new StubHttp(_ => (HttpStatusCode.OK, Answer));
        var source = new SimUsSectorSource(http, Options.Create(new UsMarketOptions { SimUrl = "http://127.0.0.1:5199" }));

        var fetch = await source.FetchAsync(["XLK"], CancellationToken.None);

        Assert.Equal("http://127.0.0.1:5199/sim/us-sectors", http.Requests.Single().ToString());
        Assert.Equal(101.37m, fetch.Series.Single().Closes[1].Close);
    }

    [Fact]
    public void The_next_morning_collection_is_at_seven_KST()
    {
        var sixThirtyKst = new DateTimeOffset(2026, 3, 19, 21, 30, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromMinutes(30), UsMarketCollector.UntilNext(sixThirtyKst, new TimeOnly(7, 0)));
        Assert.Equal(TimeSpan.FromHours(24), UsMarketCollector.UntilNext(sixThirtyKst.AddMinutes(30), new TimeOnly(7, 0)));
    }
}

using Gslts.KiwoomBridge.Ranking;
using Gslts.KiwoomBridge.Realtime;
using Gslts.KiwoomSim.Market;
using Gslts.Krx;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>
/// The bridge against KiwoomSim collecting one stock live, taking the exchange's ranking (ka10032) every second for the
/// ranking grain (a recorder here). The sim runs fast through the end of its day, so its final order can be compared.
/// </summary>
public sealed class ExchangeRankingHost : IAsyncLifetime
{
    public const int Rows = 120;

    public CapturedLogs Logs { get; } = new();

    public (IGrainFactory Factory, RecordingGrains Recorder) Grains { get; } = RecordingGrains.Create();

    public IHost Host { get; private set; } = null!;

    public Uri Sim { get; private set; } = null!;

    public async Task InitializeAsync() => (Host, Sim) = await BridgeAgainstSimTests.StartAsync(Logs, Grains.Factory, "15:10:00", new Dictionary<string, string?>
    {
        // Ten virtual minutes of trading and the closing auction in about twenty seconds.
        ["Gslts:Sim:Speed"] = "60",
        ["Gslts:Sim:TradesPerSecond"] = "50",
        // Rankings page at a tenth of it: 20 rows a page, so the rows taken span six pages.
        ["Gslts:Sim:PageSize"] = "200",
        ["Gslts:Kiwoom:Codes:0"] = "005930",
        ["Gslts:Kiwoom:LoadDailyHistory"] = "false",
        // A closed market sends nothing: the connection is not presumed dead and logged in again (a ka10001 each time).
        ["Gslts:Kiwoom:SilenceTimeout"] = "00:05:00",
        ["Gslts:Kiwoom:Ranking:Enabled"] = "true",
        ["Gslts:Kiwoom:Ranking:Interval"] = "00:00:01",
        ["Gslts:Kiwoom:Ranking:MaxAge"] = ExchangeRankingTests.MaxAge.ToString(),
        ["Gslts:Kiwoom:Ranking:Rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}

public sealed class ExchangeRankingTests(ExchangeRankingHost fixture) : IClassFixture<ExchangeRankingHost>
{
    // Short, so a starved refresh stops yielding within the test (half of it), long enough for a refresh's retries.
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    private RecordingRankingGrain Ranking => fixture.Grains.Recorder.Ranking;

    private ExchangeRankingStatus Status => fixture.Host.Services.GetRequiredService<ExchangeRankingStatus>();

    private SimMarket Market => fixture.Host.Services.GetRequiredService<SimMarket>();

    [Fact]
    public async Task The_exchanges_whole_market_order_reaches_the_ranking_grain_with_each_stocks_market_and_sector()
    {
        Assert.True(await Poll.Until(() => Market.Phase == MarketPhase.Closed, Patience), "the sim's day closed");
        var final = Market.Views().Where(v => v.Trades > 0).OrderByDescending(v => v.TradingValue).ThenBy(v => v.Listing.Code, StringComparer.Ordinal)
            .Take(ExchangeRankingHost.Rows).ToList();

        // A refresh taken after the close holds the day's final order.
        var taken = await Poll.Until(() => Task.FromResult(Ranking.Latest),
            r => r is not null && r.Rows.Select(row => row.Code).SequenceEqual(final.Select(v => v.Listing.Code)), Patience);

        Assert.NotNull(taken);
        Assert.Equal(final.Select(v => v.Listing.Code), taken.Rows.Select(r => r.Code));
        Assert.Equal(final.Select(v => (v.Listing.Name, v.Listing.Market, v.Listing.Sector, v.Price, v.Volume, v.TradingValue / 1_000_000 * 1_000_000)),
            taken.Rows.Select(r => (r.Name!, r.Market!, r.Sector!, r.Price, r.Volume, r.TradingValue)));
        Assert.Equal(final.Select(v => Math.Round((v.Price - v.Listing.PreviousClose) * 100m / v.Listing.PreviousClose, 2, MidpointRounding.AwayFromZero)), taken.Rows.Select(r => r.ChangeRate));
        // Far more than the one stock collected live, both markets among them.
        Assert.Equal(ExchangeRankingHost.Rows, taken.Rows.Count);
        Assert.Equal(["KOSDAQ", "KOSPI"], taken.Rows.Select(r => r.Market!).Distinct().Order());
        // Stamped with the feed's market time (its latest trade, 005930's last of the day), on the sim's trading date.
        var feedTime = fixture.Host.Services.GetRequiredService<FeedStatus>().MarketTime;
        Assert.Equal(feedTime, taken.AsOf);
        Assert.Equal(Market.TradingDate, taken.TradingDate);
        Assert.Equal(Kst, taken.AsOf.Offset);
        Assert.True(Status.TakenAt is not null && Status.Rows == ExchangeRankingHost.Rows && Status.AsOf == taken.AsOf, $"status: {Status.Rows} rows at {Status.AsOf}");
    }

    [Fact]
    public async Task A_failing_exchange_ranking_is_logged_shown_and_taken_again_at_the_next_interval()
    {
        // Once the day has closed no trade is missed (no backfill asks the tape), and after a refresh that worked the stock
        // master is known: the next REST calls are the refreshes' pages.
        Assert.True(await Poll.Until(() => Market.Phase == MarketPhase.Closed && Status.TakenAt is not null, Patience), "the day closed and a refresh worked");
        using var http = new HttpClient { BaseAddress = fixture.Sim };

        // HTTP 500s for every attempt the REST client makes at one call (four), twice over: a refresh that stopped yielding
        // part-way would try again at the usual priority.
        (await http.PostAsync("/sim/faults/rest-errors?count=8", null)).EnsureSuccessStatusCode();

        Assert.True(await Poll.Until(() => Status.Failures > 0, Patience), "the refresh failed");
        var failure = Status.LastError;
        var reportsAfterFailure = Ranking.Exchange.Count;
        Assert.True(await Poll.Until(() => Status.Failures == 0 && Ranking.Exchange.Count > reportsAfterFailure, Patience), "the next refresh worked");
        Assert.Contains("500", failure);
        Assert.True(Status.TotalFailures >= 1);
        Assert.Null(Status.LastError);
        Assert.Contains(fixture.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Exchange ranking (ka10032) not taken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refresh_starved_by_other_queries_is_taken_at_the_usual_priority_before_the_ranking_is_max_age_old()
    {
        Assert.True(await Poll.Until(() => Status.TakenAt is not null, Patience), "a first refresh worked");
        var api = fixture.Host.Services.GetRequiredService<Gslts.KiwoomBridge.Rest.KiwoomApi>();
        using var stop = new CancellationTokenSource();
        // Three callers that always want a query: a background query never finds the budget free.
        var others = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var calls = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await api.StockInfoAsync("005930", stop.Token);
                    calls++;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
            }

            return calls;
        })).ToArray();
        // One refresh may have been past its last page already: the one after it starts while the budget is taken.
        var delivered = Ranking.Exchange.Count + 1;

        var taken = await Poll.Until(() => Ranking.Exchange.Count > delivered, Patience);
        var busy = Status.Age(TimeProvider.System.GetUtcNow());
        await stop.CancelAsync();
        var calls = await Task.WhenAll(others);

        Assert.True(taken, "a refresh was taken while the other queries held the budget");
        Assert.True(calls.Sum() > 10, $"the other queries ran throughout: {calls.Sum()} calls");
        Assert.Contains(fixture.Logs.Lines, l => l.Contains("taking it at the usual priority", StringComparison.Ordinal));
        Assert.True(busy < MaxAge, $"the ranking was {busy} old");
    }

    [Fact]
    public async Task A_ranking_grain_that_cannot_take_the_rows_fails_the_refresh_and_the_next_one_delivers()
    {
        Assert.True(await Poll.Until(() => Status.TakenAt is not null, Patience), "a first refresh worked");
        var failuresBefore = Status.TotalFailures;

        Ranking.Fail = true;
        var failed = await Poll.Until(() => Status.TotalFailures > failuresBefore, Patience);
        var reason = Status.LastError;
        var delivered = Ranking.Exchange.Count;
        Ranking.Fail = false;

        Assert.True(failed, "the refresh failed while the grain refused it");
        Assert.Contains("the ranking grain is down", reason);
        Assert.True(await Poll.Until(() => Ranking.Exchange.Count > delivered && Status.Failures == 0, Patience), "the next refresh delivered");
    }
}

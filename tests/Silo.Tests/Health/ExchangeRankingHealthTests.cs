using Gslts.KiwoomBridge;
using Gslts.KiwoomBridge.Ranking;
using Gslts.Silo.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gslts.Silo.Tests.Health;

/// <summary>/healthz's "ranking": how old the exchange's market-wide ranking is, and whether its last refresh failed.</summary>
public sealed class ExchangeRankingHealthTests
{
    private static readonly DateTimeOffset MarketTime = new(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(9));

    private readonly TestClock clock = new();
    private readonly ExchangeRankingStatus status = new();

    private ExchangeRankingHealthCheck Check(bool enabled = true) =>
        new(status, Options.Create(new KiwoomOptions { Ranking = new ExchangeRankingOptions { Enabled = enabled } }), clock);

    private DateTimeOffset Now => clock.GetUtcNow();

    [Fact]
    public async Task A_fresh_ranking_is_healthy_and_says_how_old_it_is()
    {
        status.Started(Now);
        status.Taken(Now, MarketTime, 500);
        clock.Advance(TimeSpan.FromSeconds(42));

        var result = await Check().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("500 stocks taken 42 s ago, market time 09:30:00", result.Description);
        Assert.Equal((500, 42.0), ((int)result.Data["rows"], (double)result.Data["ageSeconds"]));
    }

    [Fact]
    public async Task A_failed_refresh_is_degraded_naming_the_failure_until_the_next_one_works()
    {
        status.Started(Now);
        status.Taken(Now, MarketTime, 500);
        status.Failed("HttpRequestException: HTTP 500");

        var failed = await Check().CheckHealthAsync(new HealthCheckContext());
        status.Taken(Now, MarketTime.AddMinutes(1), 500);
        var recovered = await Check().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, failed.Status);
        Assert.Contains("HTTP 500", failed.Description);
        Assert.Equal(1, failed.Data["failures"]);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
        Assert.Equal(1L, recovered.Data["totalFailures"]);
    }

    [Fact]
    public async Task A_ranking_older_than_its_max_age_is_degraded_and_one_never_taken_is_only_while_that_long()
    {
        status.Started(Now);
        status.Wait("the feed has received no trade yet");
        var waiting = await Check().CheckHealthAsync(new HealthCheckContext());
        clock.Advance(TimeSpan.FromMinutes(11));
        var neverTaken = await Check().CheckHealthAsync(new HealthCheckContext());
        status.Taken(Now, MarketTime, 500);
        clock.Advance(TimeSpan.FromMinutes(11));
        var stale = await Check().CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Degraded), (waiting.Status, neverTaken.Status, stale.Status));
        Assert.Contains("no trade yet", waiting.Description);
        Assert.Contains("older than 00:10:00", stale.Description);
    }

    [Fact]
    public async Task Switched_off_it_is_healthy_and_says_only_the_collected_stocks_are_ranked()
    {
        var result = await Check(enabled: false).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Contains("only the collected stocks", result.Description);
    }
}

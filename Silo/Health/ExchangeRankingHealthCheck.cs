using Gslts.KiwoomBridge;
using Gslts.KiwoomBridge.Ranking;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gslts.Silo.Health;

/// <summary>
/// How old the exchange's market-wide ranking (ka10032) is: Degraded while its last refresh failed or it is older than
/// <c>Gslts:Kiwoom:Ranking:MaxAge</c> (the ranking then holds only the stocks the feed collects, or older exchange rows).
/// </summary>
public sealed class ExchangeRankingHealthCheck(ExchangeRankingStatus status, IOptions<KiwoomOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value.Ranking;
        if (!o.Enabled) return Task.FromResult(HealthCheckResult.Healthy("off (Gslts:Kiwoom:Ranking:Enabled is false): only the collected stocks are ranked"));
        var age = status.Age(time.GetUtcNow());
        var data = new Dictionary<string, object>
        {
            ["rows"] = status.Rows,
            ["failures"] = status.Failures,
            ["totalFailures"] = status.TotalFailures,
        };
        if (status.TakenAt is { } taken) data["takenAt"] = taken;
        if (status.AsOf is { } asOf) data["asOf"] = asOf;
        if (status.TakenAt is not null && age is { } known) data["ageSeconds"] = Math.Round(known.TotalSeconds, 1);
        if (status.LastError is { } error) data["lastError"] = error;

        var failing = status.LastError is { } reason ? $"; the last {status.Failures} refresh(es) failed, last: {reason}" : "";
        if (status.TakenAt is null)
        {
            var waiting = status.Waiting is { } why ? $"not taken yet: {why}" : "not taken yet: the first refresh is under way (its queries wait while others use the budget)";
            return Task.FromResult(status.Failures == 0 && age <= o.MaxAge
                ? HealthCheckResult.Healthy(waiting, data)
                : HealthCheckResult.Degraded(waiting + failing, data: data));
        }

        var description = $"{status.Rows} stocks taken {age?.TotalSeconds:0} s ago, market time {status.AsOf:HH:mm:ss}{failing}";
        return Task.FromResult(status.Failures == 0 && age <= o.MaxAge
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Degraded(description + (age > o.MaxAge ? $" (older than {o.MaxAge})" : ""), data: data));
    }
}

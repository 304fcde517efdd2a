using Gslts.KiwoomBridge.Accounts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gslts.Silo.Health;

/// <summary>Degraded while account events are parked (they failed every attempt); the next login's reconcile sets them right.</summary>
public sealed class AccountFeedHealthCheck(AccountFeed accounts) : IHealthCheck
{
    private const int Listed = 5;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var parked = accounts.Parked;
        var total = parked.Count + accounts.Unlisted;
        if (total == 0) return Task.FromResult(HealthCheckResult.Healthy("no account event parked"));
        var data = new Dictionary<string, object> { ["parked"] = total, ["events"] = parked.Select(p => $"{p.Event}: {p.Failure}").ToArray() };
        return Task.FromResult(HealthCheckResult.Degraded(
            $"{total} account event(s) parked after failing every attempt; the account grain may be behind the broker until the next " +
            $"reconcile (after every login) sets it right. Newest: {string.Join("; ", parked.TakeLast(Listed).Select(p => $"{p.Event} at {p.ParkedAt:O} ({p.Failure})"))}",
            data: data));
    }
}

using Gslts.KiwoomBridge.Feeding;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gslts.Silo.Health;

/// <summary>
/// The feed's journal (trades not yet stored): Degraded while storage is behind (the oldest is too old, or there are too
/// many), Unhealthy while it is full and the socket waits for storage.
/// </summary>
public sealed class JournalHealthCheck(TickFeeder feeder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var j = feeder.Journal;
        var data = new Dictionary<string, object>
        {
            ["trades"] = j.Trades,
            ["inMemory"] = j.InMemory,
            ["onDisk"] = j.OnDisk,
            ["diskBytes"] = j.DiskBytes,
            ["oldestSeconds"] = Math.Round(j.OldestAge.TotalSeconds, 1),
            ["queued"] = j.Inbox,
            ["peakInMemory"] = j.PeakInMemory,
            ["socketWaits"] = j.SocketWaits,
        };
        return Task.FromResult(j.State switch
        {
            JournalState.Full => HealthCheckResult.Unhealthy(j.Summary, data: data),
            JournalState.Degraded => HealthCheckResult.Degraded(j.Summary, data: data),
            _ => HealthCheckResult.Healthy(j.Summary, data),
        });
    }
}

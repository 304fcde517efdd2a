using Gslts.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gslts.Silo.Health;

/// <summary>Up when the grain storage database answers a trivial query.</summary>
public sealed class StorageHealthCheck(StorageSettings storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            return await DatabaseSchema.CanConnectAsync(storage, timeout.Token)
                ? HealthCheckResult.Healthy(storage.Provider.ToString())
                : HealthCheckResult.Unhealthy($"{storage.Provider} database does not answer");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{storage.Provider} database unreachable: {e.Message}");
        }
    }
}

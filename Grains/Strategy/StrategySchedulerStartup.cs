using Gslts.Grains.Interfaces.Strategy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gslts.Grains.Strategy;

/// <summary>Starts the strategy scheduler once the silo runs; retries with backoff while the cluster is not ready.</summary>
public sealed class StrategySchedulerStartup(IGrainFactory grains, TimeProvider time, ILogger<StrategySchedulerStartup> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var wait = FirstRetry; !stoppingToken.IsCancellationRequested; wait = Min(wait * 2, LongestRetry))
        {
            try
            {
                await grains.GetGrain<IStrategySchedulerGrain>(IStrategySchedulerGrain.Krx).Start().WaitAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Could not start the strategy scheduler ({Reason}); trying again in {Wait}", e.Message, wait);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

using System.Threading.Channels;
using Gslts.Grains.Interfaces.Market;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>
/// Hands every 0s to the market session grain, off the socket's reading thread; a failed report is tried again a few
/// times (the newest session wins: an older one still queued is dropped).
/// </summary>
public sealed class MarketSessionReporter(FeedStatus status, IGrainFactory grains, TimeProvider clock, ILogger<MarketSessionReporter> logger)
    : BackgroundService
{
    private const int Attempts = 5;
    private readonly Channel<MarketSessionReport> reports = Channel.CreateBounded<MarketSessionReport>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        status.SessionChanged += OnSession;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        status.SessionChanged -= OnSession;
        return base.StopAsync(cancellationToken);
    }

    private void OnSession(MarketSession session) =>
        reports.Writer.TryWrite(new MarketSessionReport(session.Code, session.Meaning, session.Time, clock.GetUtcNow()));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var report in reports.Reader.ReadAllAsync(stoppingToken)) await ReportAsync(report, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ReportAsync(MarketSessionReport report, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IMarketSessionGrain>(IMarketSessionGrain.Krx).Report(report).WaitAsync(cancellationToken);
                logger.LogInformation("Market session {Meaning} ({Code}) at {Time:HH:mm:ss}", report.Meaning, report.Code, report.ExchangeTime);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < Attempts && reports.Reader.Count == 0)
            {
                logger.LogWarning("Could not report the market session (attempt {Attempt}): {Reason}", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt), clock, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Gave up reporting the market session {Code}: {Reason}", report.Code, e.Message);
                return;
            }
        }
    }
}

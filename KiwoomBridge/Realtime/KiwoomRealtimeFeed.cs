using Gslts.KiwoomBridge.Accounts;
using Gslts.KiwoomBridge.Auth;
using Gslts.KiwoomBridge.Feeding;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>
/// Decides what to subscribe (the configured codes, or with <c>Collect=All</c> every listing of the stock master after
/// them), spreads it over one real-time connection per app key, and runs them. With <c>Collect=All</c> the universe is
/// looked at again every morning before the auction (listings come and go) and the connections re-planned if it changed.
/// </summary>
public sealed class KiwoomRealtimeFeed(
    KiwoomTokenClient accountTokens, IHttpClientFactory http, StockMaster master, TickFeeder feeder, AccountFeed accounts, FeedStatus status,
    IOptions<KiwoomOptions> options, TimeProvider time, ILoggerFactory logs) : BackgroundService
{
    /// <summary>When the universe is looked at again (KST), after the stock master's reload and before the 08:30 auction.</summary>
    public static readonly TimeOnly PlanAt = new(8, 0);
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    private readonly ILogger logger = logs.CreateLogger<KiwoomRealtimeFeed>();
    private readonly KiwoomTokenClient[] tokens =
    [
        accountTokens,
        .. options.Value.FeedKeys.Select(key => new KiwoomTokenClient(http, key, options, time, logs.CreateLogger<KiwoomTokenClient>())),
    ];

    private IReadOnlyList<RealtimeConnection> connections = [];

    /// <summary>The connections of the current plan.</summary>
    public IReadOnlyList<RealtimeConnection> Connections => connections;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var (plan, complete) = await PlanAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var running = Start(plan, run.Token);
            var routing = RouteSilentStocksAsync(connections, run.Token);
            while (true)
            {
                var wait = !options.Value.CollectsAll ? Timeout.InfiniteTimeSpan : complete ? UntilNextPlan() : options.Value.UniverseRetry;
                var ended = await Task.WhenAny(running, Task.Delay(wait, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default));
                if (stoppingToken.IsCancellationRequested || ended == running)
                {
                    await run.CancelAsync();
                    await Task.WhenAll(running, routing);
                    return;
                }

                var (next, nextComplete) = await PlanAsync(stoppingToken);
                complete = nextComplete;
                if (next.SameAs(plan)) continue;
                logger.LogInformation("Kiwoom real-time: the codes to collect changed; re-planning the connections");
                // The old sessions close before the new ones log in with the same keys (a second LOGIN would drop the first).
                await run.CancelAsync();
                await Task.WhenAll(running, routing);
                plan = next;
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        using var quick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        quick.CancelAfter(TimeSpan.FromSeconds(3));
        await Task.WhenAll(tokens.Select(async (token, i) =>
        {
            try
            {
                await token.RevokeAsync(quick.Token);
            }
            catch (Exception e) when (e is HttpRequestException or KiwoomException or OperationCanceledException or System.Text.Json.JsonException)
            {
                logger.LogInformation("Kiwoom token of connection {Connection} not revoked at shutdown: {Reason}", i, e.Message);
            }
        }));
    }

    /// <summary>Runs the plan's connections until each has stopped (cancelled, or its app key taken over).</summary>
    private Task Start(FeedPlan plan, CancellationToken cancellationToken)
    {
        status.Planned(plan);
        var o = options.Value;
        connections =
        [
            .. plan.Connections.Select((codes, i) =>
                new RealtimeConnection(i, tokens[i], codes, feeder, accounts, status, o, time, logs.CreateLogger<RealtimeConnection>())),
        ];
        return Task.WhenAll(connections.Select(c => c.RunAsync(cancellationToken)));
    }

    /// <summary>Silent stocks the feeder finds go to the connection holding them.</summary>
    private async Task RouteSilentStocksAsync(IReadOnlyList<RealtimeConnection> running, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var code in feeder.SilentStocks.ReadAllAsync(cancellationToken))
            {
                running.FirstOrDefault(c => c.Holds(code))?.RegisterAgain(code);
            }
        }
        catch (OperationCanceledException)
        {
            // Re-planned or stopping.
        }
    }

    /// <summary>The plan for now; not complete when the stock master could not be read (the configured codes stand in).</summary>
    private async Task<(FeedPlan Plan, bool Complete)> PlanAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        IEnumerable<string> codes = o.SubscribedCodes;
        var complete = true;
        if (o.CollectsAll)
        {
            try
            {
                var listings = await master.ListingsAsync(cancellationToken);
                codes = codes.Concat(listings.Select(l => l.Code));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Kiwoom real-time: the stock list (ka10099) could not be read ({Reason}); collecting the configured codes " +
                    "until it can, trying again in {Retry}", e.Message, o.UniverseRetry);
                complete = false;
            }
        }

        var plan = FeedPlan.Spread(codes, tokens.Length, o.CodesPerConnection);
        logger.LogInformation("Kiwoom real-time: {Codes} codes over {Connections} connection(s) of {Capacity} codes each",
            plan.LiveCodes, plan.Connections.Count, o.CodesPerConnection);
        if (plan.Uncovered.Count > 0)
        {
            logger.LogWarning("Kiwoom real-time: {Uncovered} codes to collect do not fit on {Keys} app key(s) of {Capacity} codes and are NOT " +
                "collected live (first: {First}); add app keys under Gslts:Kiwoom:FeedKeys", plan.Uncovered.Count, tokens.Length,
                o.CodesPerConnection, string.Join(", ", plan.Uncovered.Take(5)));
        }

        return (plan, complete);
    }

    private TimeSpan UntilNextPlan()
    {
        var now = time.GetUtcNow().ToOffset(Kst);
        var next = new DateTimeOffset(DateOnly.FromDateTime(now.DateTime).ToDateTime(PlanAt), Kst);
        if (next <= now) next = next.AddDays(1);
        return next - now;
    }
}

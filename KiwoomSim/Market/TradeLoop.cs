using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Protocol;
using Gslts.KiwoomSim.Realtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Market;

/// <summary>Prints trades at the configured rate in virtual time and hands them to the real-time sessions.</summary>
public sealed class TradeLoop(
    SimMarket market, SimClock clock, RealtimeSessions sessions, SimFaults faults, IOptions<SimOptions> options, TimeProvider time,
    ILogger<TradeLoop> logger) : BackgroundService
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    private JsonObject? Book(string code, TimeOnly at) =>
        market.Depth(code) is { } depth && market.View(code) is { } view ? RealMessages.BookItem(code, depth, at, view.Listing.PreviousClose) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var perSecond = options.Value.TradesPerSecond;
        var printed = 0L;
        logger.LogInformation("KiwoomSim trading day {Date} open: {Stocks} stocks, {Rate:0.#} trades/s at {Speed}x",
            clock.TradingDate, market.Listings.Count, perSecond, options.Value.Speed);
        try
        {
            while (clock.IsOpen)
            {
                var due = (long)(clock.ElapsedSeconds * perSecond) - printed;
                if (due > 0)
                {
                    var events = new List<Accounts.AccountEvent>();
                    var trades = market.Generate((int)Math.Min(due, 100_000), clock.Now, events);
                    sessions.PublishAccount(events);
                    printed += trades.Count;
                    // A paused feed is the silent stall of production: trades still print, nobody hears them.
                    if (!faults.IsFeedPaused(time.GetUtcNow())) sessions.Publish(trades, code => Book(code, trades[^1].Time));
                }

                await Task.Delay(Step, time, stoppingToken);
            }

            logger.LogInformation("KiwoomSim trading day {Date} closed after {Trades} trades", clock.TradingDate, printed);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}

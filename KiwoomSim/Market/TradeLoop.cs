using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Protocol;
using Gslts.KiwoomSim.Realtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Market;

/// <summary>
/// Drives the sim's day: follows the clock through the opening auction, continuous trading and the closing auction,
/// runs the order flow at the configured rate and hands trades, books and account events to the real-time sessions.
/// </summary>
public sealed class TradeLoop(
    SimMarket market, SimClock clock, RealtimeSessions sessions, SimFaults faults, IOptions<SimOptions> options, TimeProvider time,
    ILogger<TradeLoop> logger) : BackgroundService
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var perSecond = options.Value.TradesPerSecond;
        var elapsed = clock.ElapsedSeconds;
        var owed = 0d;
        logger.LogInformation("KiwoomSim trading day {Date} starts at {Start} ({Clock} clock, {Speed}x): {Stocks} stocks, {Rate:0.#} trades/s",
            clock.TradingDate, clock.Now, options.Value.Clock, options.Value.Speed, market.Listings.Count, perSecond);
        try
        {
            while (clock.Running)
            {
                var now = clock.Now;
                var phase = clock.Phase;
                // A wall clock runs for days: each new trading day starts from the previous close.
                if (clock.Today > market.TradingDate && phase == MarketPhase.BeforeOpen) market.StartDay(clock.Today);
                var events = new List<AccountEvent>();
                var trades = market.Advance(phase, now, events);
                if (trades.Count > 0) logger.LogInformation("KiwoomSim {Phase} at {Time}: {Trades} auction trades", phase, now, trades.Count);
                HashSet<string>? collected = null;
                var previous = elapsed;
                elapsed = clock.ElapsedSeconds;
                owed += (elapsed - previous) * perSecond * IntradayVolume.Weight(now);
                if (owed >= 1)
                {
                    var batch = (int)Math.Min(owed, 100_000);
                    if (phase == MarketPhase.Continuous) trades.AddRange(market.Generate(batch, now, events));
                    else if (phase is MarketPhase.OpeningAuction or MarketPhase.ClosingAuction) collected = market.Collect(batch, now, events);
                    owed -= batch;
                }

                sessions.PublishAccount(events);
                // A paused feed is the silent stall of production: trades still print, nobody hears them.
                if (!faults.IsFeedPaused(time.GetUtcNow())) sessions.Publish(trades, code => Book(code, now), collected);
                await Task.Delay(Step, time, stoppingToken);
            }

            var closing = market.Advance(MarketPhase.Closed, clock.Sessions.Close);
            sessions.Publish(closing, code => Book(code, clock.Sessions.Close));
            logger.LogInformation("KiwoomSim trading day {Date} closed: {Trades} trades", clock.TradingDate, market.Stats().Trades);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private JsonObject? Book(string code, TimeOnly at) =>
        market.Depth(code) is { } depth && market.View(code) is { } view
            ? RealMessages.BookItem(code, depth, at, view.Listing.PreviousClose, market.Indicative(code))
            : null;
}

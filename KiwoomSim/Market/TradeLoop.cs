using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Protocol;
using Gslts.KiwoomSim.Realtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gslts.KiwoomSim.Market;

/// <summary>
/// Drives the sim's day: follows the clock through the opening auction, continuous trading and the closing auction,
/// runs the order flow at the configured rate and hands trades, books, session changes (0s), VIs (1h) and account
/// events to the real-time sessions.
/// </summary>
public sealed class TradeLoop(
    SimMarket market, SimClock clock, RealtimeSessions sessions, SimFaults faults, PrintProbe probe, IOptions<SimOptions> options, TimeProvider time,
    ILogger<TradeLoop> logger) : BackgroundService
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(20);
    private readonly BookItems books = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var perSecond = options.Value.TradesPerSecond;
        clock.Begin();
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
                var previous = elapsed;
                elapsed = clock.ElapsedSeconds;
                owed += (elapsed - previous) * perSecond * IntradayVolume.Weight(now);
                var batch = owed >= 1 ? (int)Math.Min(owed, 100_000) : 0;
                owed -= batch;
                var events = new List<AccountEvent>();
                var tick = market.Tick(phase, now, batch, events);
                Publish(tick, phase, now, events);
                await Task.Delay(Step, time, stoppingToken);
            }

            var close = clock.Sessions.Close;
            Publish(market.Tick(MarketPhase.Closed, close, 0), MarketPhase.Closed, close, []);
            logger.LogInformation("KiwoomSim trading day {Date} closed: {Trades} trades", clock.TradingDate, market.Stats().Trades);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private void Publish(MarketTick tick, MarketPhase phase, TimeOnly now, List<AccountEvent> events)
    {
        if (tick.PhaseChanged)
        {
            if (tick.Trades.Count > 0) logger.LogInformation("KiwoomSim {Phase} at {Time}: {Trades} auction trades", phase, now, tick.Trades.Count);
            sessions.PublishSession(SessionItem.For(phase, now, clock.Sessions));
        }

        foreach (var vi in tick.Interruptions)
        {
            logger.LogInformation("KiwoomSim VI {State} {Code} at {Price} ({Kind})", vi.Released ? "released" : "set off", vi.Listing.Code,
                vi.Trigger.Price, vi.Trigger.Kind);
        }

        sessions.PublishAccount(events);
        // A paused feed is the silent stall of production: trades still print, nobody hears them.
        if (faults.IsFeedPaused(time.GetUtcNow())) return;
        sessions.PublishInterruptions(tick.Interruptions);
        sessions.Publish(tick.Trades, code => Book(code, now), tick.Collected);
        probe.Sent(tick.Trades);
    }

    private byte[]? Book(string code, TimeOnly at) =>
        market.ReadStock(code, s => new BookSnapshot(code, s.Book.Depth(), at, s.Listing.PreviousClose,
            s.Book.InAuction ? s.Book.Indicative(s.Trades == 0 ? s.Listing.PreviousClose : s.Price) : null,
            s.Volume, s.Facts.PreviousVolume, SessionItem.Code(market.Phase) ?? "")) is { } book
            ? books.Item(book)
            : null;
}

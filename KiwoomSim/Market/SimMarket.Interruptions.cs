using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Market;

/// <summary>
/// Volatility interruptions: a stock whose next trade would break a VI band collects orders for
/// <see cref="ViOptions.Duration"/>, then trades once at the auction's single price and goes back to continuous trading.
/// </summary>
public sealed partial class SimMarket
{
    private readonly List<SimStock> interrupted = [];
    private readonly List<ViEvent> viEvents = [];

    /// <summary>The VI thresholds and duration this market runs with.</summary>
    public ViOptions Vi => vi;

    /// <summary>Stocks in a VI's call auction now.</summary>
    public IReadOnlyList<string> Interrupted()
    {
        lock (gate)
        {
            return [.. interrupted.Select(s => s.Listing.Code)];
        }
    }

    /// <summary>The VIs set off and released since the last call, oldest first.</summary>
    public List<ViEvent> TakeInterruptions()
    {
        lock (gate)
        {
            var taken = viEvents.ToList();
            viEvents.Clear();
            return taken;
        }
    }

    /// <summary>Ends the VIs whose auction is due by <paramref name="time"/>: each executes at its single price.</summary>
    public List<SimTrade> ReleaseInterruptions(TimeOnly time, List<AccountEvent>? events = null)
    {
        var trades = new List<SimTrade>();
        lock (gate)
        {
            foreach (var stock in interrupted.Where(s => s.Interruption!.ReleaseAt <= time).ToList())
            {
                fills.Clear();
                stock.Book.EndAuction(stock.Price, fills);
                Settle(stock, time, trades, events);
                Released(stock, time);
            }
        }

        return trades;
    }

    private void Interrupt(SimStock stock, ViTrigger trigger, TimeOnly time)
    {
        stock.Interruptions++;
        var due = time.Add(vi.Duration, out var wrapped);
        var started = new ViEvent(stock.Listing, trigger, false, time, wrapped > 0 ? TimeOnly.MaxValue : due, stock.Interruptions,
            stock.Volume, stock.TradingValue);
        stock.Interruption = started;
        interrupted.Add(stock);
        viEvents.Add(started);
    }

    /// <summary>The stock's VI is over at <paramref name="time"/> (its auction executed, or merged into the closing auction).</summary>
    private void Released(SimStock stock, TimeOnly time)
    {
        var started = stock.Interruption!;
        stock.Interruption = null;
        interrupted.Remove(stock);
        viEvents.Add(started with { Released = true, ReleaseAt = time, Volume = stock.Volume, TradingValue = stock.TradingValue });
    }
}

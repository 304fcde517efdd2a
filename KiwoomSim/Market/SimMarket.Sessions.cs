using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Market;

/// <summary>What one step of the day did: the trades printed, the books that changed without a trade, the VIs, the phase.</summary>
public sealed record MarketTick(List<SimTrade> Trades, HashSet<string> Collected, List<ViEvent> Interruptions, bool PhaseChanged);

public sealed partial class SimMarket
{
    public MarketPhase Phase { get; private set; } = MarketPhase.BeforeOpen;

    /// <summary>
    /// One step of the day at <paramref name="time"/>: moves the books to <paramref name="phase"/>, ends the VIs that
    /// are due, then runs the order flow: until <paramref name="count"/> trades print in continuous trading, or
    /// <paramref name="count"/> steps that only collect in an auction.
    /// </summary>
    public MarketTick Tick(MarketPhase phase, TimeOnly time, int count, List<AccountEvent>? events = null)
    {
        var changed = phase != Phase;
        var trades = Advance(phase, time, events);
        var collected = new HashSet<string>();
        if (phase == MarketPhase.Continuous)
        {
            trades.AddRange(ReleaseInterruptions(time, events));
            if (count > 0) trades.AddRange(Generate(count, time, events, collected));
        }
        else if (count > 0 && phase is MarketPhase.OpeningAuction or MarketPhase.ClosingAuction)
        {
            collected = Collect(count, time, events);
        }

        return new MarketTick(trades, collected, TakeInterruptions(), changed);
    }

    /// <summary>
    /// Moves every book to <paramref name="phase"/>: an auction starts collecting; leaving one executes it at its single
    /// price (the base price is the opening reference, the last price the closing one), printing its trades at
    /// <paramref name="time"/>. A VI still running at the closing auction ends there: its orders join the close.
    /// </summary>
    public List<SimTrade> Advance(MarketPhase phase, TimeOnly time, List<AccountEvent>? events = null)
    {
        var trades = new List<SimTrade>();
        lock (gate)
        {
            if (phase == Phase) return trades;
            if (phase != MarketPhase.Continuous)
            {
                foreach (var stock in interrupted.ToList()) Released(stock, time);
            }

            foreach (var stock in stocks)
            {
                if (stock.Book.InAuction && phase is not (MarketPhase.OpeningAuction or MarketPhase.ClosingAuction))
                {
                    fills.Clear();
                    stock.Book.EndAuction(stock.Trades == 0 ? stock.Listing.PreviousClose : stock.Price, fills);
                    Settle(stock, time, trades, events);
                }

                if (phase is MarketPhase.OpeningAuction or MarketPhase.ClosingAuction && !stock.Book.InAuction) stock.Book.BeginAuction();
            }

            Phase = phase;
        }

        return trades;
    }

    /// <summary>Runs <paramref name="steps"/> of order flow while the books only collect (call auctions).</summary>
    public HashSet<string> Collect(int steps, TimeOnly time, List<AccountEvent>? events = null)
    {
        var touched = new HashSet<string>();
        var trades = new List<SimTrade>();
        lock (gate)
        {
            for (var i = 0; i < steps; i++)
            {
                var stock = stocks[flow.NextStock(cumulativeLiquidity)];
                fills.Clear();
                flow.Step(stock, fills, time);
                Settle(stock, time, trades, events);
                touched.Add(stock.Listing.Code);
            }
        }

        return touched;
    }

    /// <summary>The expected single price and volume (예상체결가/수량) of a stock in an auction (a VI's too), else null.</summary>
    public AuctionPrice? Indicative(string code)
    {
        if (!byCode.TryGetValue(code, out var stock)) return null;
        lock (gate)
        {
            return stock.Book.InAuction ? stock.Book.Indicative(stock.Trades == 0 ? stock.Listing.PreviousClose : stock.Price) : null;
        }
    }
}

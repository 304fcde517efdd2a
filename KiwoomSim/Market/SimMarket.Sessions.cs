using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Market;

public sealed partial class SimMarket
{
    public MarketPhase Phase { get; private set; } = MarketPhase.BeforeOpen;


    /// <summary>
    /// Moves every book to <paramref name="phase"/>: an auction starts collecting; leaving one executes it at its single
    /// price (the base price is the opening reference, the last price the closing one), printing its trades at <paramref name="time"/>.
    /// </summary>
    public List<SimTrade> Advance(MarketPhase phase, TimeOnly time, List<AccountEvent>? events = null)
    {
        var trades = new List<SimTrade>();
        lock (gate)
        {
            if (phase == Phase) return trades;
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

    /// <summary>The expected single price and volume (예상체결가/수량) of a stock in an auction, else null.</summary>
    public AuctionPrice? Indicative(string code)
    {
        if (!byCode.TryGetValue(code, out var stock)) return null;
        lock (gate)
        {
            return stock.Book.InAuction ? stock.Book.Indicative(stock.Trades == 0 ? stock.Listing.PreviousClose : stock.Price) : null;
        }
    }
}

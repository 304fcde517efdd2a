using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Market;

/// <summary>One stock at the sim: its order book and its day's running totals. Not thread-safe: <see cref="SimMarket"/> guards it.</summary>
public sealed class SimStock(Listing listing)
{
    public Listing Listing { get; } = listing;
    public OrderBook Book { get; } = new(listing.PreviousClose);
    public PriceLimits Limits => Book.Limits;
    public long Price { get; private set; } = listing.PreviousClose;
    public long Open { get; private set; }
    public long High { get; private set; }
    public long Low { get; private set; }
    public long Volume { get; private set; }
    public long TradingValue { get; private set; }
    public long BuyVolume { get; private set; }
    public long SellVolume { get; private set; }
    public long Trades { get; private set; }

    /// <summary>The stock's own log deviation of its fair price, on top of the day's tilt.</summary>
    public double FairDeviation { get; set; }

    /// <summary>Where the fair price drifts today (log): the US sector tilt of this stock's sector, set by the market.</summary>
    public double TargetDeviation { get; set; }

    /// <summary>The synthetic participants' resting orders, oldest first, so they can be withdrawn.</summary>
    public Queue<long> MakerOrders { get; } = new();

    public Queue<long> TakerRemainders { get; } = new();

    /// <summary>Today's trades for the tick and minute charts.</summary>
    public StockTape Tape { get; } = new();

    public long BestAsk => Book.BestAsk ?? 0;

    public long BestBid => Book.BestBid ?? 0;

    /// <summary>Records one fill as a printed trade; the quantity is signed by the aggressor (+ buyer, − seller).</summary>
    public SimTrade Print(TimeOnly time, Fill fill)
    {
        var quantity = fill.Quantity;
        var price = fill.Price;
        Price = price;
        Open = Trades == 0 ? price : Open;
        High = Trades == 0 ? price : Math.Max(High, price);
        Low = Trades == 0 ? price : Math.Min(Low, price);
        Volume += quantity;
        TradingValue += price * quantity;
        if (fill.Aggressor == OrderSide.Buy) BuyVolume += quantity;
        else SellVolume += quantity;
        Trades++;
        var trade = new SimTrade(Listing.Code, time, price, fill.Aggressor == OrderSide.Buy ? quantity : -quantity, Listing.PreviousClose,
            Open, High, Low, Volume, TradingValue, BuyVolume, SellVolume, BestAsk, BestBid, Limits.Upper, Limits.Lower);
        Tape.Add(trade);
        return trade;
    }
}

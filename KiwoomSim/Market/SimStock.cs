using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Market;

/// <summary>One stock at the sim: its order book and its day's running totals. Not thread-safe: <see cref="SimMarket"/> guards it.</summary>
public sealed class SimStock(DayFacts facts, ViRule? vi = null)
{
    public SimStock(Listing listing) : this(new DayFacts(listing, 0, 0))
    {
    }

    public Listing Listing => Facts.Listing;
    public DayFacts Facts { get; } = facts;
    public OrderBook Book { get; } = new(facts.Listing.PreviousClose, vi: vi);
    public PriceLimits Limits => Book.Limits;
    public long Price { get; private set; } = facts.Listing.PreviousClose;
    public long Open { get; private set; }
    public long High { get; private set; }
    public long Low { get; private set; }
    public long Volume { get; private set; }
    public long TradingValue { get; private set; }
    public long BuyVolume { get; private set; }
    public long SellVolume { get; private set; }
    public long Trades { get; private set; }
    public long BuyTrades { get; private set; }
    public long SellTrades { get; private set; }
    public TimeOnly OpenAt { get; private set; }
    public TimeOnly HighAt { get; private set; }
    public TimeOnly LowAt { get; private set; }
    public TimeOnly? UpperAt { get; private set; }
    public TimeOnly? LowerAt { get; private set; }

    /// <summary>The stock's own log deviation of its fair price (a random walk in market time), on top of the day's tilt.</summary>
    public double FairDeviation { get; set; }

    /// <summary>Market second of the day the fair price last moved; negative before the day's first step.</summary>
    public double FairAt { get; set; } = -1;

    /// <summary>Where the fair price drifts today (log): the US sector tilt of this stock's sector, set by the market.</summary>
    public double TargetDeviation { get; set; }

    /// <summary>The VI the stock is in now (its call auction runs until <see cref="ViEvent.ReleaseAt"/>), else null.</summary>
    public ViEvent? Interruption { get; set; }

    /// <summary>VIs of this stock today.</summary>
    public int Interruptions { get; set; }

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
        if (Trades == 0) (Open, High, Low, OpenAt, HighAt, LowAt) = (price, price, price, time, time, time);
        if (price > High) (High, HighAt) = (price, time);
        if (price < Low) (Low, LowAt) = (price, time);
        if (price >= Limits.Upper) UpperAt ??= time;
        if (price <= Limits.Lower) LowerAt ??= time;
        Volume += quantity;
        TradingValue += price * quantity;
        if (fill.Aggressor == OrderSide.Buy) (BuyVolume, BuyTrades) = (BuyVolume + quantity, BuyTrades + 1);
        else (SellVolume, SellTrades) = (SellVolume + quantity, SellTrades + 1);
        Trades++;
        var trade = new SimTrade(Listing.Code, time, price, fill.Aggressor == OrderSide.Buy ? quantity : -quantity, Listing.PreviousClose,
            Open, High, Low, Volume, TradingValue, BuyVolume, SellVolume, BestAsk, BestBid, Limits.Upper, Limits.Lower)
        {
            Facts = Facts, OpenAt = OpenAt, HighAt = HighAt, LowAt = LowAt, UpperAt = UpperAt, LowerAt = LowerAt,
            BuyTrades = BuyTrades, SellTrades = SellTrades,
        };
        Tape.Add(trade);
        return trade;
    }
}

using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Market;

/// <summary>
/// The synthetic participants of the sim's market, deterministic from a seed. Per step, for one stock: the fair price
/// follows a random walk in market time scaled to the listing's day range (so a busy stock wanders as far in a day as a
/// quiet one, however many trades it prints); a taker buys or sells a heavy-tailed size, leaning toward the fair price;
/// then a market maker posts one order each side a few ticks around it, never crossing the book, and withdraws its
/// oldest when it has too many. Every trade therefore comes out of the matching engine, and so does the book the
/// trader sees.
/// </summary>
public sealed class OrderFlow(int seed)
{
    public const string MarketMaker = "SIM-MM";
    public const string Taker = "SIM-TAKER";
    private const int RestingPerParticipant = 40;
    private const int Levels = 10;
    /// <summary>Market seconds of one day's continuous session: the unit of the walk's variance.</summary>
    private const double SessionSeconds = 22_800;

    /// <summary>A random walk's expected day range is about 1.6 of its daily deviation; sampled by trades a little less (fitted: 1.5).</summary>
    public const double RangePerSigma = 1.5;

    /// <summary>Trades bounce a few ticks around the fair price: that much of a day's range comes from the ticks, not the walk.</summary>
    private const double TickBounce = 4.5;

    /// <summary>The variance the day's US tilt brings (about 0.75% a day): the stock's own walk makes up the rest of its range.</summary>
    private const double TiltVariance = 0.0075 * 0.0075;

    /// <summary>Overnight news: the day starts this share of a day's deviation away from the close.</summary>
    private const double GapShare = 0.8;
    private static readonly TimeOnly Open = new(9, 0);

    private readonly Random random = new(seed);
    private long nextOrderId = 1;

    /// <summary>A stock drawn in proportion to its liquidity (<paramref name="cumulative"/> = running sums of the weights).</summary>
    public int NextStock(double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The next order number (Kiwoom shows it as 7 digits); user orders draw from the same sequence.</summary>
    public long NextOrderId() => nextOrderId++;

    /// <summary>Opens a book with the maker's quotes on ten levels each side of the base price.</summary>
    public void Seed(SimStock stock, List<Fill> fills)
    {
        for (var level = 1; level <= Levels; level++)
        {
            Quote(stock, OrderSide.Sell, TickSize.Step(stock.Listing.PreviousClose, level), fills);
            Quote(stock, OrderSide.Buy, TickSize.Step(stock.Listing.PreviousClose, -level), fills);
        }
    }

    public void Step(SimStock stock, List<Fill> fills, TimeOnly time)
    {
        var book = stock.Book;
        Walk(stock, time);
        // The day's tilt (the US move of its sector) is priced in over the first hour; on top, the stock's own walk.
        var priced = Math.Clamp((time - Open).TotalMinutes / 60, 0, 1);
        var deviation = stock.TargetDeviation * priced + stock.FairDeviation;
        var fair = book.Limits.Clamp(TickSize.RoundDown((long)(stock.Listing.PreviousClose * Math.Exp(deviation))));

        Take(stock, fair, fills);
        // The maker quotes after the taker and never crosses, so both sides always show a price; mostly near the fair
        // price (trades stay within a few ticks of it), now and then deep, so the book shows ten levels.
        var ask = Math.Max(TickSize.Step(fair, 1 + Distance()), book.BestBid is { } bid ? TickSize.Step(bid, 1) : 0);
        var bidPrice = Math.Min(TickSize.Step(fair, -1 - Distance()), book.BestAsk is { } a ? TickSize.Step(a, -1) : long.MaxValue);
        Quote(stock, OrderSide.Sell, ask, fills);
        Quote(stock, OrderSide.Buy, bidPrice, fills);
    }

    /// <summary>Moves the stock's fair price by the random walk for the market time since it last moved.</summary>
    private void Walk(SimStock stock, TimeOnly time)
    {
        var now = time.ToTimeSpan().TotalSeconds;
        var bounce = TickBounce * TickSize.Of(stock.Listing.PreviousClose) / (double)stock.Listing.PreviousClose;
        var total = Math.Max(stock.Listing.DayRange / 100 - bounce, stock.Listing.DayRange / 200) / RangePerSigma;
        var sigma = Math.Sqrt(Math.Max(total * total - TiltVariance, 0.1 * total * total));
        if (stock.FairAt < 0)
        {
            // Overnight news needs the opening auction to be priced in: a day that starts trading without one starts at the close.
            stock.FairDeviation = time < Open ? GapShare * sigma * Normal() : 0;
            stock.FairAt = now;
        }
        else if (now > stock.FairAt)
        {
            stock.FairDeviation += sigma * Math.Sqrt((now - stock.FairAt) / SessionSeconds) * Normal();
            stock.FairAt = now;
        }
    }

    /// <summary>A taker leaning toward the fair price: a limit at most two ticks through the touch, so it never sweeps the book.</summary>
    private void Take(SimStock stock, long fair, List<Fill> fills)
    {
        var book = stock.Book;
        var mid = (book.BestAsk ?? fair) / 2.0 + (book.BestBid ?? fair) / 2.0;
        var buy = random.NextDouble() < (fair > mid ? 0.65 : fair < mid ? 0.35 : 0.5);
        // Heavy tail: most takers want a few shares, a few want thousands.
        var quantity = (long)Math.Ceiling(Math.Exp(random.NextDouble() * random.NextDouble() * 9));
        var touch = buy ? book.BestAsk ?? fair : book.BestBid ?? fair;
        var price = book.Limits.Clamp(TickSize.Step(touch, buy ? random.Next(3) : -random.Next(3)));
        var id = NextOrderId();
        var side = buy ? OrderSide.Buy : OrderSide.Sell;
        if (book.Submit(new OrderRequest(id, Taker, side, OrderType.Limit, price, quantity), fills).Resting > 0)
        {
            stock.TakerRemainders.Enqueue(id);
        }

        while (stock.TakerRemainders.Count > RestingPerParticipant) book.Cancel(stock.TakerRemainders.Dequeue(), 0);
    }

    private void Quote(SimStock stock, OrderSide side, long price, List<Fill> fills)
    {
        var book = stock.Book;
        var size = 10 * (long)Math.Ceiling(Math.Exp(random.NextDouble() * 5));
        var id = NextOrderId();
        if (book.Submit(new OrderRequest(id, MarketMaker, side, OrderType.Limit, book.Limits.Clamp(price), size), fills).Resting > 0)
        {
            stock.MakerOrders.Enqueue(id);
        }

        while (stock.MakerOrders.Count > RestingPerParticipant) book.Cancel(stock.MakerOrders.Dequeue(), 0);
    }

    /// <summary>Ticks beyond the first a quote stands from the fair price: 0 most often, up to nine.</summary>
    private int Distance() => random.Next(Levels) * random.Next(Levels) / Levels;

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

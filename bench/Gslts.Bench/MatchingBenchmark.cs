using System.Diagnostics;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using Gslts.Krx;

namespace Gslts.Bench;

/// <summary>
/// Order flow into 2,500 books on one thread: limit orders around the touch (half of them marketable), market orders
/// and cancels, stocks drawn by liquidity as the sim draws them. Reports trades (fills) per second.
/// </summary>
public static class MatchingBenchmark
{
    public static void Run(TimeSpan baseline)
    {
        var listings = MarketUniverse.Create(seed: 42);
        var books = listings.Select(l => new OrderBook(l.PreviousClose)).ToArray();
        var cumulative = new double[listings.Count];
        var sum = 0d;
        for (var i = 0; i < listings.Count; i++) cumulative[i] = sum += listings[i].Liquidity;

        var random = new Random(7);
        var fills = new List<Fill>(1024);
        var nextId = 1L;
        var resting = new List<(int Book, long Id)>();
        foreach (var (book, index) in books.Select((b, i) => (b, i)))
        {
            for (var level = 1; level <= 10; level++)
            {
                var mid = book.Limits.Base;
                Place(book, index, OrderSide.Sell, TickSize.Step(mid, level), 50);
                Place(book, index, OrderSide.Buy, TickSize.Step(mid, -level), 50);
            }
        }

        Console.WriteLine($"books: {books.Length}, resting orders after seeding: {resting.Count:N0}");
        for (var pass = 0; pass < 2; pass++)
        {
            var (orders, trades, elapsed) = Flow(pass == 0 ? 300_000 : 3_000_000);
            if (pass == 0) continue;
            var perSecond = trades / elapsed.TotalSeconds;
            Console.WriteLine($"matching: {orders:N0} orders, {trades:N0} trades in {elapsed.TotalMilliseconds:N0} ms " +
                $"= {orders / elapsed.TotalSeconds:N0} orders/s, {perSecond:N0} trades/s on one core");
            Console.WriteLine($"ratio: {perSecond * baseline.TotalSeconds:N0} trades per baseline sort");
        }

        (long Orders, long Trades, TimeSpan Elapsed) Flow(int count)
        {
            var trades = 0L;
            var watch = Stopwatch.StartNew();
            for (var n = 0; n < count; n++)
            {
                var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
                index = index >= 0 ? index : ~index;
                var book = books[index];
                var kind = random.Next(100);
                fills.Clear();
                if (kind < 15 && resting.Count > 0)
                {
                    var pick = random.Next(resting.Count);
                    var (b, id) = resting[pick];
                    books[b].Cancel(id, 0);
                    resting[pick] = resting[^1];
                    resting.RemoveAt(resting.Count - 1);
                    continue;
                }

                var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
                var quantity = 1 + (long)Math.Exp(random.NextDouble() * 5);
                if (kind < 25)
                {
                    book.Submit(new OrderRequest(nextId++, "bench", side, OrderType.Market, 0, quantity), fills);
                }
                else
                {
                    var touch = side == OrderSide.Buy ? book.BestAsk ?? book.Limits.Base : book.BestBid ?? book.Limits.Base;
                    var offset = random.Next(-3, 3) * (side == OrderSide.Buy ? 1 : -1);
                    var price = book.Limits.Clamp(TickSize.Step(touch, offset));
                    Place(book, index, side, price, quantity);
                }

                trades += fills.Count;
            }

            return (count, trades, watch.Elapsed);
        }

        void Place(OrderBook book, int index, OrderSide side, long price, long quantity)
        {
            var id = nextId++;
            var result = book.Submit(new OrderRequest(id, "bench", side, OrderType.Limit, price, quantity), fills);
            if (result.Resting > 0) resting.Add((index, id));
        }
    }
}

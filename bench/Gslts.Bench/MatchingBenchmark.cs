using System.Diagnostics;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using Gslts.Krx;

namespace Gslts.Bench;

/// <summary>
/// Order flow into 2,500 books on one thread: limit orders around the touch (half of them marketable), market orders
/// and cancels of orders still resting, stocks drawn by liquidity as the sim draws them. Reports trades (fills) per second.
/// </summary>
public static class MatchingBenchmark
{
    public static void Run(Report report)
    {
        var listings = MarketUniverse.Create(seed: 42);
        var books = listings.Select(l => new OrderBook(l.PreviousClose)).ToArray();
        var cumulative = new double[listings.Count];
        var sum = 0d;
        for (var i = 0; i < listings.Count; i++) cumulative[i] = sum += listings[i].Liquidity;

        var random = new Random(7);
        var fills = new List<Fill>(1024);
        var nextId = 1L;
        var resting = new RestingOrders();
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
        Flow(300_000);
        var (orders, trades, cancels, refused, elapsed) = Flow(3_000_000);
        Console.WriteLine($"matching: {orders:N0} orders ({cancels:N0} of them cancels of resting orders), {trades:N0} trades in {elapsed.TotalMilliseconds:N0} ms on one core");
        report.Rate("orders on one core", orders / elapsed.TotalSeconds, "orders", "the sim's order entry, sockets and account ledgers (books only)");
        report.Rate("trades on one core", trades / elapsed.TotalSeconds, "trades", "the same");
        report.Check($"every cancel found its order still resting ({refused:N0} of {cancels:N0} refused)", refused == 0);
        report.Check($"the shares the books hold resting equal what the benchmark counts resting ({resting.Shares:N0})", resting.Shares == books.Sum(b => b.TotalBid + b.TotalAsk));

        (long Orders, long Trades, long Cancels, long Refused, TimeSpan Elapsed) Flow(int count)
        {
            var (trades, cancels, refused) = (0L, 0L, 0L);
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
                    var (b, id) = resting.TakeAt(random.Next(resting.Count));
                    cancels++;
                    if (!books[b].Cancel(id, 0).Accepted) refused++;
                    continue;
                }

                var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
                var quantity = 1 + (long)Math.Exp(random.NextDouble() * 5);
                if (kind < 25)
                {
                    book.Submit(new OrderRequest(nextId++, "bench", side, OrderType.Market, 0, quantity), fills);
                    resting.Filled(fills);
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

            return (count, trades, cancels, refused, watch.Elapsed);
        }

        void Place(OrderBook book, int index, OrderSide side, long price, long quantity)
        {
            var id = nextId++;
            var result = book.Submit(new OrderRequest(id, "bench", side, OrderType.Limit, price, quantity), fills);
            resting.Filled(fills);
            if (result.Resting > 0) resting.Add(index, id, result.Resting);
        }
    }

    /// <summary>The orders still resting, by id, with what is left of each: filled ones leave, so a cancel always has a live target.</summary>
    private sealed class RestingOrders
    {
        private readonly List<(int Book, long Id)> orders = [];
        private readonly Dictionary<long, (int Slot, long Left)> byId = [];

        public int Count => orders.Count;

        public long Shares => byId.Values.Sum(o => o.Left);

        public void Add(int book, long id, long quantity)
        {
            byId[id] = (orders.Count, quantity);
            orders.Add((book, id));
        }

        /// <summary>Takes the resting side of each fill off what is left; an order filled whole leaves.</summary>
        public void Filled(List<Fill> fills)
        {
            foreach (var fill in fills)
            {
                var maker = fill.Aggressor == OrderSide.Buy ? fill.SellOrderId : fill.BuyOrderId;
                if (!byId.TryGetValue(maker, out var entry)) continue;
                if (entry.Left > fill.Quantity) byId[maker] = entry with { Left = entry.Left - fill.Quantity };
                else TakeAt(entry.Slot);
            }
        }

        public (int Book, long Id) TakeAt(int slot)
        {
            var taken = orders[slot];
            var last = orders[^1];
            orders[slot] = last;
            byId[last.Id] = byId[last.Id] with { Slot = slot };
            orders.RemoveAt(orders.Count - 1);
            byId.Remove(taken.Id);
            return taken;
        }
    }
}

using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Tests.Matching;

public sealed class OrderBookTests
{
    private readonly OrderBook book = new(basePrice: 70_000);
    private readonly List<Fill> fills = [];
    private long nextId = 1;

    private OrderResult Buy(long price, long quantity, string account = "B") =>
        book.Submit(new OrderRequest(nextId++, account, OrderSide.Buy, OrderType.Limit, price, quantity), fills);

    private OrderResult Sell(long price, long quantity, string account = "S") =>
        book.Submit(new OrderRequest(nextId++, account, OrderSide.Sell, OrderType.Limit, price, quantity), fills);

    [Fact]
    public void The_better_price_fills_first()
    {
        Sell(70_200, 10, "high");
        Sell(70_100, 10, "low");

        Buy(70_200, 10);

        Assert.Equal(("low", 70_100L, 10L), (fills[0].SellAccount, fills[0].Price, fills[0].Quantity));
        Assert.Equal(70_200, book.BestAsk);
    }

    [Fact]
    public void Earlier_order_at_the_same_price_fills_first()
    {
        Sell(70_100, 10, "first");
        Sell(70_100, 10, "second");

        Buy(70_100, 15);

        Assert.Equal([("first", 10L), ("second", 5L)], fills.Select(f => (f.SellAccount, f.Quantity)));
        Assert.Equal(new Level(70_100, 5), book.Depth().Asks[0]);
    }

    [Fact]
    public void A_large_order_fills_across_levels_at_each_resting_price_and_rests_the_rest()
    {
        Sell(70_100, 5);
        Sell(70_200, 5);

        var result = Buy(70_200, 12);

        Assert.Equal([(70_100L, 5L), (70_200L, 5L)], fills.Select(f => (f.Price, f.Quantity)));
        Assert.Equal((10L, 2L), (result.Filled, result.Resting));
        Assert.Equal(new Level(70_200, 2), book.Depth().Bids[0]);
        Assert.Null(book.BestAsk);
        Assert.Equal(70_200, book.LastPrice);
    }

    [Fact]
    public void A_market_order_sweeps_the_book_and_its_unfilled_remainder_is_cancelled()
    {
        Buy(69_900, 3);
        Buy(69_800, 4);

        var result = book.Submit(new OrderRequest(nextId++, "S", OrderSide.Sell, OrderType.Market, 0, 10), fills);

        Assert.Equal((7L, 0L, 3L), (result.Filled, result.Resting, result.Cancelled));
        Assert.All(fills, f => Assert.Equal(OrderSide.Sell, f.Aggressor));
        Assert.Empty(book.Depth().Bids);
    }

    [Fact]
    public void Modifying_only_down_in_quantity_keeps_time_priority()
    {
        var first = nextId;
        Sell(70_100, 10, "first");
        Sell(70_100, 10, "second");

        book.Modify(first, newOrderId: 100, newPrice: 70_100, newQuantity: 4, fills);
        Buy(70_100, 4);

        Assert.Equal("first", Assert.Single(fills).SellAccount);
        Assert.Equal(100, fills[0].SellOrderId);
    }

    [Fact]
    public void Modifying_the_price_queues_the_order_anew_and_may_trade_at_once()
    {
        var first = nextId;
        Sell(70_200, 10, "moved");
        Buy(70_100, 6, "bid");

        var result = book.Modify(first, newOrderId: 200, newPrice: 70_100, newQuantity: 10, fills);

        Assert.Equal((6L, 4L), (result.Filled, result.Resting));
        Assert.Equal((200L, 70_100L), (fills[0].SellOrderId, fills[0].Price));
        Assert.False(book.Contains(first));
    }

    [Fact]
    public void Cancelling_part_or_all_of_an_order_takes_it_off_the_book()
    {
        var id = nextId;
        Buy(70_000, 10);

        var part = book.Cancel(id, 4);
        var rest = book.Cancel(id, 0);

        Assert.Equal((4L, 6L), (part.Cancelled, part.Resting));
        Assert.Equal((6L, 0L), (rest.Cancelled, rest.Resting));
        Assert.Empty(book.Depth().Bids);
        Assert.Equal(RejectReason.UnknownOrder, book.Cancel(id, 0).Reason);
    }

    [Theory]
    [InlineData(70_250, 5, RejectReason.OffTick, "70,200원 또는 70,300원")]
    [InlineData(92_400, 5, RejectReason.OutsideLimits, "상한가 91,000원")]
    [InlineData(48_900, 5, RejectReason.OutsideLimits, "하한가 49,000원")]
    [InlineData(70_000, 0, RejectReason.BadQuantity, "1주 이상")]
    [InlineData(70_000, -3, RejectReason.BadQuantity, "1주 이상")]
    [InlineData(70_000, 20_000_000, RejectReason.BadQuantity, "이하")]
    [InlineData(0, 5, RejectReason.LimitOrderWithoutPrice, "가격")]
    public void Order_at_a_bad_price_or_quantity_is_rejected_and_the_book_is_unchanged(long price, long quantity, RejectReason reason, string mentioned)
    {
        Sell(70_100, 5);
        var before = book.Depth();

        var result = Buy(price, quantity);

        Assert.Equal(reason, result.Reason);
        Assert.Contains(mentioned, result.Message);
        Assert.Equivalent(before, book.Depth());
        Assert.Empty(fills);
    }

    [Fact]
    public void Depth_aggregates_each_price_and_lists_at_most_ten_levels_best_first()
    {
        for (var i = 0; i < 12; i++) Sell(70_100 + i * 100, 1 + i);
        Sell(70_100, 5);
        Buy(69_900, 7);
        Buy(69_900, 3);

        var depth = book.Depth();

        Assert.Equal(10, depth.Asks.Count);
        Assert.Equal(new Level(70_100, 6), depth.Asks[0]);
        Assert.Equal(new Level(71_000, 10), depth.Asks[9]);
        Assert.Equal(new Level(69_900, 10), Assert.Single(depth.Bids));
        Assert.Equal((Enumerable.Range(1, 12).Sum() + 5L, 10L), (depth.TotalAsk, depth.TotalBid));
    }
}

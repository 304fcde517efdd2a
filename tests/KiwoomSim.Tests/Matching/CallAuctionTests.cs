using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Tests.Matching;

public sealed class CallAuctionTests
{
    private readonly OrderBook book = new(basePrice: 10_000);
    private readonly List<Fill> fills = [];
    private long nextId = 1;

    public CallAuctionTests() => book.BeginAuction();

    private void Order(OrderSide side, long price, long quantity) =>
        Assert.True(book.Submit(new OrderRequest(nextId++, side.ToString(), side, OrderType.Limit, price, quantity), fills).Accepted);

    [Fact]
    public void Orders_collected_in_the_auction_execute_at_the_price_that_maximises_volume()
    {
        // Demand at or above: 10,100:5 10,050:15 10,000:30 9,950:40.  Supply at or below: 9,950:10 10,000:25 10,050:35 10,100:45.
        Order(OrderSide.Buy, 10_100, 5);
        Order(OrderSide.Buy, 10_050, 10);
        Order(OrderSide.Buy, 10_000, 15);
        Order(OrderSide.Buy, 9_950, 10);
        Order(OrderSide.Sell, 9_950, 10);
        Order(OrderSide.Sell, 10_000, 15);
        Order(OrderSide.Sell, 10_050, 10);
        Order(OrderSide.Sell, 10_100, 10);
        Assert.Empty(fills);

        var auction = book.EndAuction(reference: 10_000, fills);

        Assert.Equal(new AuctionPrice(10_000, 25), auction);
        Assert.All(fills, f => Assert.Equal(10_000, f.Price));
        Assert.Equal(25, fills.Sum(f => f.Quantity));
        Assert.False(book.InAuction);
    }

    [Fact]
    public void Equal_volumes_go_to_the_price_with_the_smaller_imbalance()
    {
        // At 10,000: demand 20, supply 10 (imbalance 10). From 10,010 to 10,050: demand 10, supply 10 (imbalance 0),
        // and of those 10,010 is closest to the reference.
        Order(OrderSide.Buy, 10_050, 10);
        Order(OrderSide.Buy, 10_000, 10);
        Order(OrderSide.Sell, 9_990, 10);

        Assert.Equal(new AuctionPrice(10_010, 10), book.Indicative(reference: 10_000));
    }

    [Fact]
    public void Equal_volume_and_imbalance_go_to_the_price_closest_to_the_reference()
    {
        // Any price from 9,900 to 10,100 executes 10 with no imbalance.
        Order(OrderSide.Buy, 10_100, 10);
        Order(OrderSide.Sell, 9_900, 10);

        Assert.Equal(new AuctionPrice(10_000, 10), book.Indicative(reference: 10_000));
        Assert.Equal(new AuctionPrice(10_100, 10), book.Indicative(reference: 10_500));
    }

    [Fact]
    public void Orders_the_auction_did_not_fill_rest_for_continuous_trading()
    {
        Order(OrderSide.Buy, 10_050, 10);
        Order(OrderSide.Sell, 10_000, 4);
        Order(OrderSide.Sell, 10_200, 7);

        book.EndAuction(reference: 10_000, fills);
        var depth = book.Depth();

        Assert.Equal(4, fills.Sum(f => f.Quantity));
        Assert.Equal(new Level(10_050, 6), Assert.Single(depth.Bids));
        Assert.Equal(new Level(10_200, 7), Assert.Single(depth.Asks));
        var result = book.Submit(new OrderRequest(nextId++, "S", OrderSide.Sell, OrderType.Limit, 10_050, 2), fills);
        Assert.Equal(2, result.Filled);
    }

    [Fact]
    public void A_book_that_does_not_cross_executes_nothing()
    {
        Order(OrderSide.Buy, 9_900, 10);
        Order(OrderSide.Sell, 10_100, 10);

        Assert.Equal(new AuctionPrice(0, 0), book.EndAuction(10_000, fills));
        Assert.Empty(fills);
    }
}

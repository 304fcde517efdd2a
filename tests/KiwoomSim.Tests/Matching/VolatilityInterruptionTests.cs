using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Tests.Matching;

public sealed class VolatilityInterruptionTests
{
    private readonly OrderBook book = new(basePrice: 10_000, vi: new ViRule(StaticPercent: 10, DynamicPercent: 3));
    private readonly List<Fill> fills = [];
    private long nextId = 1;

    private OrderResult Order(OrderSide side, long price, long quantity, OrderType type = OrderType.Limit) =>
        book.Submit(new OrderRequest(nextId++, side.ToString(), side, type, type == OrderType.Market ? 0 : price, quantity), fills);

    /// <summary>Prices 10,000 → 10,250 → 10,500 → 10,750 → 11,000 one small step at a time, so no step is a dynamic VI.</summary>
    private void ClimbTo(long price)
    {
        for (var p = 10_000L; p <= price; p += 250)
        {
            Order(OrderSide.Sell, p, 1);
            Order(OrderSide.Buy, p, 1);
        }
    }

    [Fact]
    public void A_trade_ten_percent_above_the_last_single_price_sets_off_a_static_VI_instead_of_printing()
    {
        ClimbTo(10_750);
        Order(OrderSide.Sell, 11_000, 5);

        var result = Order(OrderSide.Buy, 11_000, 5);

        Assert.Equal(0, result.Filled);
        Assert.Equal(5, result.Resting);
        Assert.True(book.InAuction);
        Assert.Equal(new ViTrigger(ViKind.Static, 11_000, 10_000, 10_750), book.Interruption);
        Assert.DoesNotContain(fills, f => f.Price == 11_000);
    }

    [Fact]
    public void Just_under_the_static_threshold_trades_on()
    {
        ClimbTo(10_750);
        Order(OrderSide.Sell, 10_990, 5);

        var result = Order(OrderSide.Buy, 10_990, 5);

        Assert.Equal(5, result.Filled);
        Assert.Null(book.Interruption);
        Assert.False(book.InAuction);
    }

    [Fact]
    public void An_order_sweeping_past_three_percent_from_the_price_before_it_fills_up_to_the_band_then_sets_off_a_dynamic_VI()
    {
        Order(OrderSide.Sell, 10_000, 1);
        Order(OrderSide.Buy, 10_000, 1);
        Order(OrderSide.Sell, 10_100, 10);
        Order(OrderSide.Sell, 10_250, 10);
        Order(OrderSide.Sell, 10_300, 10);
        fills.Clear();

        var result = Order(OrderSide.Buy, 0, 25, OrderType.Market);

        Assert.Equal([10_100L, 10_250L], fills.Select(f => f.Price));
        Assert.Equal(20, result.Filled);
        Assert.Equal(new ViTrigger(ViKind.Dynamic, 10_300, 10_000, 10_000), book.Interruption);
        // The market order's remainder waits for the VI's single price instead of being cancelled.
        Assert.Equal(5, result.Resting);
    }

    [Fact]
    public void A_fall_that_breaks_both_bands_is_a_static_and_dynamic_VI_downward()
    {
        Order(OrderSide.Buy, 9_000, 5);

        Order(OrderSide.Sell, 9_000, 5);

        Assert.Equal(new ViTrigger(ViKind.Both, 9_000, 10_000, 10_000), book.Interruption);
        Assert.False(book.Interruption!.Value.Up);
    }

    [Fact]
    public void The_VIs_single_price_becomes_the_new_static_reference_and_continuous_trading_resumes()
    {
        ClimbTo(10_750);
        Order(OrderSide.Sell, 11_000, 5);
        Order(OrderSide.Buy, 11_000, 5);
        Order(OrderSide.Sell, 11_050, 3);
        fills.Clear();

        var auction = book.EndAuction(reference: 10_750, fills);
        Order(OrderSide.Sell, 11_500, 1);
        var after = Order(OrderSide.Buy, 11_500, 1);

        Assert.Equal(new AuctionPrice(11_000, 5), auction);
        Assert.All(fills.Take(1), f => Assert.Equal(11_000, f.Price));
        Assert.Equal(11_000, book.StaticReference);
        Assert.Null(book.Interruption);
        // 11,500 is +4.5% from the new single price and from the price before: it trades.
        Assert.Equal(1, after.Filled);
    }

    [Fact]
    public void A_book_without_VI_rules_trades_through_any_move()
    {
        var bare = new OrderBook(basePrice: 10_000);
        bare.Submit(new OrderRequest(1, "S", OrderSide.Sell, OrderType.Limit, 12_000, 1), fills);

        var result = bare.Submit(new OrderRequest(2, "B", OrderSide.Buy, OrderType.Limit, 12_000, 1), fills);

        Assert.Equal(1, result.Filled);
        Assert.Null(bare.Interruption);
    }
}

using Gslts.Grains.Interfaces.Accounts;

namespace Gslts.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public sealed class AccountGrainTests(ClusterFixture fixture)
{
    private ScriptedBroker Broker => (ScriptedBroker)fixture.SiloService<IBroker>();

    [Fact]
    public async Task Modifying_the_rest_after_unreported_fills_moves_what_is_left_at_the_broker()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>("rest-after-fills");
        var placed = await account.Place(new OrderRequest("005930", OrderSide.Buy, 1_000, 70_000));
        Broker.FillQuietly(placed.OrderNo, 9);

        var moved = await account.Modify(placed.OrderNo, 0, 69_500);

        Assert.Equal((991L, 69_500L, placed.OrderNo), (moved.Quantity, moved.Price, moved.OriginalOrderNo));
        Assert.Equal([$"modify {placed.OrderNo} 1000", $"modify {placed.OrderNo} 991"], Broker.Calls.Where(c => c.StartsWith($"modify {placed.OrderNo}")));
        var original = (await account.GetOrders()).Single(o => o.OrderNo == placed.OrderNo);
        Assert.Equal((9L, 0L, OrderState.Cancelled), (original.Filled, original.Remaining, original.State));
    }

    [Fact]
    public async Task Modifying_more_than_is_left_is_refused_with_what_is_left_and_never_sent()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>("too-many");
        var placed = await account.Place(new OrderRequest("000660", OrderSide.Sell, 10, 180_000));

        var refused = await Assert.ThrowsAsync<OrderRejectedException>(() => account.Modify(placed.OrderNo, 11, 181_000));

        Assert.Contains("미체결수량(10주)", refused.Message);
        Assert.DoesNotContain(Broker.Calls, c => c.StartsWith($"modify {placed.OrderNo}"));
    }

    [Fact]
    public async Task Modifying_at_an_off_tick_price_is_refused_with_the_valid_ticks()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>("off-tick");
        var placed = await account.Place(new OrderRequest("005930", OrderSide.Buy, 10, 70_000));

        var refused = await Assert.ThrowsAsync<OrderRejectedException>(() => account.Modify(placed.OrderNo, 0, 70_050));

        Assert.Contains("70,000원 또는 70,100원", refused.Message);
    }

    [Fact]
    public async Task A_modification_whose_answer_was_lost_is_found_by_reconciling_and_not_sent_again()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>("lost-modify");
        var placed = await account.Place(new OrderRequest("035420", OrderSide.Buy, 50, 200_000));
        Broker.LoseNextAnswer = true;

        var moved = await account.Modify(placed.OrderNo, 20, 199_500);

        Assert.Equal((20L, 199_500L, placed.OrderNo), (moved.Quantity, moved.Price, moved.OriginalOrderNo));
        Assert.Single(Broker.Calls, c => c.StartsWith($"modify {placed.OrderNo}"));
        Assert.Equal(30L, (await account.GetOrders()).Single(o => o.OrderNo == placed.OrderNo).Remaining);
    }

    [Fact]
    public async Task A_cancel_whose_answer_was_lost_is_confirmed_by_reconciling()
    {
        var account = fixture.Grains.GetGrain<IAccountGrain>("lost-cancel");
        var placed = await account.Place(new OrderRequest("051910", OrderSide.Buy, 5, 300_000));
        Broker.LoseNextAnswer = true;

        await account.Cancel(placed.OrderNo);

        Assert.Equal(OrderState.Cancelled, (await account.GetOrders()).Single(o => o.OrderNo == placed.OrderNo).State);
    }
}

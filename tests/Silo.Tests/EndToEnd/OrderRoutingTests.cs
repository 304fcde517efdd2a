using Gslts.Grains.Interfaces.Accounts;
using Gslts.KiwoomBridge;
using Gslts.KiwoomBridge.Realtime;
using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.Silo.Tests.EndToEnd;

public sealed class OrderRoutingTests
{
    private const string SimAccount = "50000001";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_order_placed_partially_filled_modified_and_cancelled_ends_the_same_in_the_account_grain_as_at_the_sim()
    {
        await using var host = await TestHost.StartAsync("--Gslts:Kiwoom:LoadStockMaster=false");
        var services = host.App.Services;
        var market = services.GetRequiredService<SimMarket>();
        var feed = services.GetRequiredService<FeedStatus>();
        var account = services.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(IAccountGrain.Kiwoom);
        await Until(() => Task.FromResult(feed.IsLoggedIn && feed.TicksReceived > 0));

        // The cheapest large cap, bought at its best ask for more than the ask holds: some fills at once or soon, the rest waits.
        var (code, ask, size) = KiwoomOptions.DefaultCodes
            .Select(c => market.ReadStock(c, s => (Code: c, Ask: s.BestAsk, Size: s.Book.Depth(1).Asks.FirstOrDefault().Quantity)))
            .Where(s => s.Ask > 0).MinBy(s => s.Ask);
        var quantity = Math.Min(size + 1_000, 40_000_000 / ask);
        var placed = await account.Place(new OrderRequest(code, OrderSide.Buy, quantity, ask));
        Assert.Equal((code, quantity, ask), (placed.Code, placed.Quantity, placed.Price));

        await Until(async () => (await account.GetOrders()).SingleOrDefault(o => o.OrderNo == placed.OrderNo && o.State == OrderState.PartiallyFilled));
        var low = Gslts.Krx.TickSize.Step(ask, -15);
        var moved = await account.Modify(placed.OrderNo, 0, low);
        Assert.Equal((placed.OrderNo, low), (moved.OriginalOrderNo, moved.Price));
        await account.Cancel(moved.OrderNo);

        // Every order the sim's ledger has, the grain has the same; and the same holding and cash.
        var sim = market.Read(SimAccount, (ledger, _) => (
            Orders: ledger.Orders.Select(o => (No: UserOrder.FormatNumber(o.Number), o.Quantity, o.Filled, o.Remaining, o.AverageFillPrice)).OrderBy(o => o.No).ToList(),
            Holding: ledger.Positions.GetValueOrDefault(code) is { } p ? (p.Quantity, p.AveragePrice) : default,
            ledger.Cash))!;
        await Until(async () =>
        {
            var orders = (await account.GetOrders()).Select(o => (No: o.OrderNo, o.Quantity, o.Filled, o.Remaining, o.AverageFillPrice)).ToList();
            var balance = await account.GetBalance();
            var holding = balance.Holdings.SingleOrDefault(h => h.Code == code) is { } h ? (h.Quantity, h.AveragePrice) : default;
            return orders.SequenceEqual(sim.Orders) && holding == sim.Holding && balance.Cash == sim.Cash ? (object)true : null;
        });

        var final = await account.GetOrders();
        Assert.Equal([OrderState.Cancelled, OrderState.Cancelled], final.Select(o => o.State));
        Assert.True(final[0].Filled > 0 && final[1].Filled == 0, "the first order filled in part; the moved rest was cancelled unfilled");
    }

    private static async Task<T> Until<T>(Func<Task<T?>> probe)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } found && found is not false) return found;
            if (DateTime.UtcNow > deadline) Assert.Fail($"not there in {Patience}");
            await Task.Delay(100);
        }
    }
}

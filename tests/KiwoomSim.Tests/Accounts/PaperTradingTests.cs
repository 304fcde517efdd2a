using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gslts.KiwoomSim.Tests.Accounts;

public sealed class PaperTradingTests
{
    private const string Account = "50000001";
    private static readonly TimeOnly Ten = new(10, 0);
    private readonly SimMarket market;
    private readonly List<SimTrade> trades = [];
    private readonly List<AccountEvent> events = [];

    public PaperTradingTests()
    {
        var options = Options.Create(new SimOptions
        {
            Listings = 150,
            Accounts = [new SimAccount { AppKey = "k", SecretKey = "s", AccountNo = Account }],
            InitialCash = 10_000_000,
        });
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        market = new SimMarket(options, new SimClock(time, options));
        market.Advance(MarketPhase.Continuous, Ten);
    }

    private long Cash => market.Read(Account, (l, _) => l.Cash);

    private long ProjectedCash => market.Read(Account, (l, _) => l.ProjectedCash);

    private long BuyingPower => market.Read(Account, (l, _) => l.BuyingPower);

    private (long BestBid, long BestAsk) Touch(string code) => (market.View(code)!.BestBid, market.View(code)!.BestAsk);

    [Fact]
    public void A_resting_buy_holds_back_buying_power_until_it_is_cancelled()
    {
        var (bid, _) = Touch("005930");

        var placed = market.Place(Account, "005930", OrderSide.Buy, OrderType.Limit, bid - 1_000, 10, Ten, trades, events);
        var held = BuyingPower;
        var cancelled = market.Cancel(Account, placed.OrderNumber, "005930", 0, Ten, events);

        Assert.True(placed.Accepted);
        Assert.Equal(10_000_000 - (bid - 1_000) * 10 - (long)Math.Floor((bid - 1_000) * 10 * 0.00015m), held);
        Assert.Equal((true, 10L), (cancelled.Accepted, cancelled.Quantity));
        Assert.Equal(10_000_000, BuyingPower);
        Assert.Equal((10_000_000L, 10_000_000L), (Cash, ProjectedCash));
        Assert.Contains(events, e => e.Type == "00" && e.Item["values"]!["913"]!.GetValue<string>() == "접수");
    }

    [Fact]
    public void A_marketable_buy_fills_against_the_book_and_pays_price_plus_commission()
    {
        var (_, ask) = Touch("005930");

        var placed = market.Place(Account, "005930", OrderSide.Buy, OrderType.Limit, ask, 5, Ten, trades, events);

        Assert.True(placed.Accepted);
        var bought = trades.Where(t => t.Quantity > 0).Sum(t => t.Price * t.Quantity);
        Assert.Equal(5, trades.Sum(t => t.Quantity));
        Assert.Equal(10_000_000 - bought - (long)Math.Floor(bought * 0.00015m), ProjectedCash);
        Assert.Equal(10_000_000, Cash);
        var position = market.Read(Account, (l, _) => l.Positions["005930"])!;
        Assert.Equal((5L, bought), (position.Quantity, position.Cost));
        Assert.Contains(events, e => e.Type == "00" && e.Item["values"]!["913"]!.GetValue<string>() == "체결");
        Assert.Contains(events, e => e.Type == "04" && e.Item["values"]!["930"]!.GetValue<string>() == "5");
    }

    [Fact]
    public void Selling_pays_commission_and_the_2026_transaction_tax_and_books_the_realized_profit()
    {
        var (_, ask) = Touch("005930");
        market.Place(Account, "005930", OrderSide.Buy, OrderType.Limit, ask, 3, Ten, trades, events);
        var cost = market.Read(Account, (l, _) => l.Positions["005930"].Cost);
        var cashBefore = ProjectedCash;
        trades.Clear();

        var sold = market.Place(Account, "005930", OrderSide.Sell, OrderType.Market, 0, 3, Ten, trades, events);

        Assert.True(sold.Accepted);
        var amount = trades.Sum(t => t.Price * -t.Quantity);
        var commission = (long)Math.Floor(amount * 0.00015m);
        var tax = (long)Math.Floor(amount * 0.0020m);
        Assert.Equal(cashBefore + amount - commission - tax, ProjectedCash);
        Assert.Equal(amount - cost - commission - tax, market.Read(Account, (l, _) => l.RealizedProfit));
        Assert.Empty(market.Read(Account, (l, _) => l.Positions)!);
    }

    [Theory]
    [InlineData("005930", OrderSide.Buy, 70_050, 1, "호가단위")]
    [InlineData("005930", OrderSide.Buy, 95_000, 1, "가격제한폭")]
    [InlineData("005930", OrderSide.Buy, 71_000, 1_000, "주문가능금액")]
    [InlineData("005930", OrderSide.Sell, 71_000, 1, "매도가능수량")]
    [InlineData("999990", OrderSide.Buy, 71_000, 1, "종목코드")]
    [InlineData("005930", OrderSide.Buy, 71_000, 0, "주문수량")]
    public void A_refused_order_changes_nothing(string code, OrderSide side, long price, long quantity, string reason)
    {
        var depth = market.Depth("005930");

        var outcome = market.Place(Account, code, side, OrderType.Limit, price, quantity, Ten, trades, events);

        Assert.False(outcome.Accepted);
        Assert.Contains(reason, outcome.Message);
        Assert.Equal(10_000_000, Cash);
        Assert.Empty(trades);
        Assert.Empty(events);
        Assert.Equivalent(depth, market.Depth("005930"));
    }

    [Fact]
    public void Modifying_part_of_an_order_moves_that_part_under_a_new_number_and_leaves_the_rest()
    {
        var (bid, _) = Touch("005930");
        var placed = market.Place(Account, "005930", OrderSide.Buy, OrderType.Limit, bid - 2_000, 10, Ten, trades, events);

        var moved = market.Modify(Account, placed.OrderNumber, "005930", 4, bid - 1_000, Ten, trades, events);

        Assert.True(moved.Accepted);
        Assert.NotEqual(placed.OrderNumber, moved.OrderNumber);
        var open = market.Read(Account, (l, _) => l.OpenOrders.OrderBy(o => o.Number).Select(o => (o.Number, o.OriginalNumber, o.Price, o.Remaining)).ToList())!;
        Assert.Equal([(placed.OrderNumber, 0L, bid - 2_000, 6L), (moved.OrderNumber, placed.OrderNumber, bid - 1_000, 4L)], open);
        Assert.False(market.Cancel(Account, placed.OrderNumber, "005930", 7, Ten, events).Accepted);
    }
}

using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gslts.KiwoomSim.Tests;

public sealed class SessionTests
{
    private const string Account = "50000001";
    private readonly SimMarket market;
    private readonly List<SimTrade> trades = [];
    private readonly List<AccountEvent> events = [];

    public SessionTests()
    {
        var options = Options.Create(new SimOptions
        {
            Listings = 60,
            Accounts = [new SimAccount { AppKey = "k", SecretKey = "s", AccountNo = Account }],
        });
        market = new SimMarket(options, new SimClock(new FakeTimeProvider(), options));
    }

    [Fact]
    public void The_opening_auction_collects_orders_then_opens_each_stock_at_one_price()
    {
        market.Advance(MarketPhase.OpeningAuction, new TimeOnly(8, 30));
        market.Collect(3_000, new TimeOnly(8, 45));
        var expected = market.Indicative("005930");

        var opening = market.Advance(MarketPhase.Continuous, new TimeOnly(9, 0));

        Assert.Equal(0, market.Stats().Trades - opening.Count);
        Assert.NotNull(expected);
        Assert.True(expected.Value.Volume > 0, "the busiest stock's auction crosses");
        var samsung = opening.Where(t => t.Code == "005930").ToList();
        Assert.Equal(expected.Value.Volume, samsung.Sum(t => Math.Abs(t.Quantity)));
        Assert.All(samsung, t => Assert.Equal(expected.Value.Price, t.Price));
        Assert.All(opening.GroupBy(t => t.Code), g => Assert.Single(g.Select(t => t.Price).Distinct()));
        Assert.Null(market.Indicative("005930"));
    }

    [Fact]
    public void The_closing_auction_prints_the_close_and_then_orders_are_refused()
    {
        market.Advance(MarketPhase.Continuous, new TimeOnly(9, 0));
        market.Generate(5_000, new TimeOnly(10, 0));
        market.Advance(MarketPhase.ClosingAuction, new TimeOnly(15, 20));
        market.Collect(3_000, new TimeOnly(15, 25));
        var expected = market.Indicative("005930")!.Value;

        var closing = market.Advance(MarketPhase.Closed, new TimeOnly(15, 30));
        var late = market.Place(Account, "005930", OrderSide.Buy, OrderType.Limit, 70_000, 1, new TimeOnly(15, 31), trades, events);

        Assert.All(closing.Where(t => t.Code == "005930"), t => Assert.Equal(expected.Price, t.Price));
        Assert.Equal(expected.Price, market.View("005930")!.Price);
        Assert.False(late.Accepted);
        Assert.Contains("장 운영시간", late.Message);
    }

    [Fact]
    public void An_order_before_the_opening_auction_is_refused_and_one_in_it_waits_for_the_open()
    {
        var early = market.Place(Account, "005930", OrderSide.Buy, OrderType.Limit, 71_000, 1, new TimeOnly(8, 0), trades, events);
        market.Advance(MarketPhase.OpeningAuction, new TimeOnly(8, 30));
        var auction = market.Place(Account, "005930", OrderSide.Buy, OrderType.Limit, 92_300, 1, new TimeOnly(8, 40), trades, events);

        Assert.False(early.Accepted);
        Assert.True(auction.Accepted);
        Assert.Empty(trades);
        var opening = market.Advance(MarketPhase.Continuous, new TimeOnly(9, 0), events);
        Assert.Contains(opening, t => t.Code == "005930");
        Assert.Equal(1, market.Read(Account, (l, _) => l.Positions["005930"].Quantity));
    }
}

public sealed class NextDayTests
{
    [Fact]
    public void The_next_day_starts_from_the_previous_close_with_fresh_totals_and_expired_orders()
    {
        var options = Options.Create(new SimOptions
        {
            Listings = 40,
            Accounts = [new SimAccount { AppKey = "k", SecretKey = "s", AccountNo = "1" }],
        });
        var market = new SimMarket(options, new SimClock(new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)), options));
        var yearBefore = market.History("005930");
        market.Advance(MarketPhase.Continuous, new TimeOnly(9, 0));
        market.Generate(5_000, new TimeOnly(10, 0));
        var bid = market.View("005930")!.BestBid;
        var resting = market.Place("1", "005930", OrderSide.Buy, OrderType.Limit, bid - 500, 1, new TimeOnly(10, 0), [], []);
        var close = market.View("005930")!;
        market.Advance(MarketPhase.Closed, new TimeOnly(15, 30));

        market.StartDay(new DateOnly(2026, 11, 25));

        var next = market.View("005930")!;
        Assert.Equal(new DateOnly(2026, 11, 25), market.TradingDate);
        Assert.Equal(close.Price, next.Listing.PreviousClose);
        Assert.Equal((0L, 0L), (next.Trades, next.Volume));
        Assert.Equal(MarketPhase.BeforeOpen, market.Phase);
        Assert.True(resting.Accepted);
        Assert.Empty(market.Read("1", (l, _) => l.OpenOrders.ToList())!);
        var history = market.History("005930");
        Assert.Equal(yearBefore.Count, history.Count);
        Assert.Equal((new DateOnly(2026, 11, 24), close.Price), (history[^1].Date, history[^1].Close));
    }
}

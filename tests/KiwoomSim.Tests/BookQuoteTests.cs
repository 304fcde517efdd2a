using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Market;
using Gslts.KiwoomSim.Matching;
using Gslts.KiwoomSim.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gslts.KiwoomSim.Tests;

public sealed class BookQuoteTests
{
    private const string Account = "50000001";
    private static readonly TimeOnly Ten = new(10, 0);

    [Fact]
    public void Each_levels_change_is_its_quantity_since_the_previous_quote_at_the_same_price()
    {
        var options = Options.Create(new SimOptions
        {
            Listings = 150,
            Accounts = [new SimAccount { AppKey = "k", SecretKey = "s", AccountNo = Account }],
        });
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));
        var market = new SimMarket(options, new SimClock(time, options));
        market.Advance(MarketPhase.Continuous, Ten);
        var quote = new BookQuote(market, new SimClock(time, options));
        var before = quote.Answer("005930");
        var bid = Math.Abs(long.Parse(before["buy_fpr_bid"]!.GetValue<string>()));

        market.Place(Account, "005930", OrderSide.Buy, OrderType.Limit, bid, 7, Ten, [], new List<AccountEvent>());
        var after = quote.Answer("005930");

        Assert.Equal(("0", "0"), (before["buy_1th_pre_req_pre"]!.GetValue<string>(), before["tot_buy_req_jub_pre"]!.GetValue<string>()));
        Assert.Equal(long.Parse(before["buy_fpr_req"]!.GetValue<string>()) + 7, long.Parse(after["buy_fpr_req"]!.GetValue<string>()));
        Assert.Equal(("+7", "+7"), (after["buy_1th_pre_req_pre"]!.GetValue<string>(), after["tot_buy_req_jub_pre"]!.GetValue<string>()));
        Assert.Equal("0", after["buy_2th_pre_req_pre"]!.GetValue<string>());
        Assert.Equal("0", after["sel_1th_pre_req_pre"]!.GetValue<string>());
    }
}

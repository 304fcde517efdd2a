using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Tests.Accounts;

public sealed class SettlementTests
{
    private const long Opening = 10_000_000;
    private static readonly TimeOnly Ten = new(10, 0);

    private static (Ledger Ledger, UserOrder Order) Bought(DateOnly day, long price, long quantity)
    {
        var ledger = new Ledger("50000001", Opening, Fees.Kiwoom, day);
        var order = new UserOrder(1, 0, ledger.AccountNo, "005930", "삼성전자", OrderSide.Buy, OrderType.Limit, price, quantity, Ten);
        ledger.Add(order);
        ledger.Fill(order, price, quantity, day);
        return (ledger, order);
    }

    [Fact]
    public void A_buy_leaves_the_deposit_alone_until_it_settles_two_trading_days_later()
    {
        var thursday = new DateOnly(2026, 11, 26);
        var (ledger, order) = Bought(thursday, 70_000, 10);
        var paid = 700_000 + order.Commission;

        Assert.Equal((Opening, Opening, Opening - paid), (ledger.Cash, ledger.CashOn(new DateOnly(2026, 11, 27)), ledger.CashOn(new DateOnly(2026, 11, 30))));
        Assert.Equal(new Settlement(paid, 0), ledger.DueOn(new DateOnly(2026, 11, 30)));
        Assert.Equal(Opening - paid, ledger.BuyingPower);

        ledger.StartDay(new DateOnly(2026, 11, 27));
        Assert.Equal(Opening, ledger.Cash);
        ledger.StartDay(new DateOnly(2026, 11, 30));
        Assert.Equal((Opening - paid, Opening - paid), (ledger.Cash, ledger.ProjectedCash));
    }

    [Fact]
    public void A_fill_the_day_before_chuseok_settles_on_the_second_trading_day_after_the_holidays()
    {
        var (ledger, order) = Bought(new DateOnly(2026, 9, 23), 50_000, 4);

        Assert.Equal((new DateOnly(2026, 9, 28), new DateOnly(2026, 9, 29)), (ledger.TradingDaysAhead(1), ledger.TradingDaysAhead(2)));
        Assert.Equal(Opening, ledger.CashOn(new DateOnly(2026, 9, 28)));
        Assert.Equal(Opening - 200_000 - order.Commission, ledger.CashOn(new DateOnly(2026, 9, 29)));
    }

    [Fact]
    public void A_new_day_lapses_open_orders_and_keeps_yesterdays_quantities_for_the_balance()
    {
        var (ledger, _) = Bought(new DateOnly(2026, 11, 26), 70_000, 10);
        var resting = new UserOrder(2, 0, ledger.AccountNo, "005930", "삼성전자", OrderSide.Buy, OrderType.Limit, 60_000, 5, Ten);
        ledger.Add(resting);

        ledger.StartDay(new DateOnly(2026, 11, 27));

        Assert.Equal(5, resting.Cancelled);
        Assert.Empty(ledger.Orders);
        Assert.Equal(new Traded(10, 0), ledger.TradedPreviousDay("005930"));
        Assert.Equal(new Traded(0, 0), ledger.TradedToday("005930"));
        Assert.Equal(10, ledger.Positions["005930"].Quantity);
    }
}

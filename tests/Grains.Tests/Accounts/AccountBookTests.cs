using Gslts.Grains.Accounts;
using Gslts.Grains.Interfaces.Accounts;

namespace Gslts.Grains.Tests.Accounts;

public sealed class AccountBookTests
{
    private static BrokerOrder Buy(string no, long filled, long remaining) => new(no, null, "005930", OrderSide.Buy, 10, 70_000, filled, remaining, filled > 0 ? 70_000 : 0);

    [Fact]
    public void A_report_older_than_what_is_kept_does_not_undo_fills()
    {
        var account = new AccountState();
        AccountBook.Apply(account, Buy("1", 6, 4));

        Assert.False(AccountBook.Apply(account, Buy("1", 0, 10)));
        Assert.True(AccountBook.Apply(account, Buy("1", 10, 0)));

        Assert.Equal(OrderState.Filled, account.Orders["1"].State);
    }

    [Fact]
    public void Reconciling_takes_fills_made_while_away_and_closes_orders_the_broker_no_longer_lists()
    {
        var account = new AccountState();
        AccountBook.Apply(account, Buy("1", 0, 10));
        AccountBook.Apply(account, Buy("2", 0, 10));
        AccountBook.Apply(account, new Holding("000660", "SK하이닉스", 3, 3, 198_000), 50_000_000);

        AccountBook.Reconcile(account, [Buy("1", 10, 0)], new AccountBalance(49_300_000, [new Holding("005930", "삼성전자", 10, 10, 70_000)]));

        Assert.Equal((OrderState.Filled, OrderState.Cancelled), (account.Orders["1"].State, account.Orders["2"].State));
        Assert.Equal(["005930"], account.Holdings.Keys);
        Assert.Equal(49_300_000, account.Cash);
    }

    [Fact]
    public void A_holding_sold_out_leaves_the_account()
    {
        var account = new AccountState();
        AccountBook.Apply(account, new Holding("005930", "삼성전자", 10, 10, 70_000), 1);

        AccountBook.Apply(account, new Holding("005930", "삼성전자", 0, 0, 0), 700_000);

        Assert.Empty(account.Holdings);
        Assert.Equal(700_000, account.Cash);
    }
}

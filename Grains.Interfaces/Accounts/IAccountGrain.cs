namespace Gslts.Grains.Interfaces.Accounts;

/// <summary>
/// One brokerage account, keyed by broker name (one Kiwoom app key is one account, <see cref="Kiwoom"/>): places orders
/// through the broker and keeps what the broker reports of them, live (00/04) and reconciled (REST) after every reconnect.
/// </summary>
public interface IAccountGrain : IGrainWithStringKey
{
    public const string Kiwoom = "kiwoom";

    Task<BrokerOrder> Place(OrderRequest order);

    /// <summary>
    /// 정정: moves <paramref name="quantity"/> of an open order to <paramref name="price"/> (0 = all that is left, even when
    /// fills land meanwhile); returns the new order.
    /// </summary>
    Task<BrokerOrder> Modify(string orderNo, long quantity, long price);

    /// <summary>취소: cancels what is left of an open order.</summary>
    Task Cancel(string orderNo);

    Task<BrokerOrder[]> GetOrders();

    Task<AccountBalance> GetBalance();

    /// <summary>An order's state as the broker's real-time feed (00) reported it.</summary>
    Task OnOrder(BrokerOrder order);

    /// <summary>A holding and the cash as the broker's real-time feed (04) reported them.</summary>
    Task OnHolding(Holding holding, long cash);

    /// <summary>Replaces orders and balance with what the broker's REST API says now (after a reconnect or a lost answer).</summary>
    Task Reconcile();
}

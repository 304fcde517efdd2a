using Gslts.Grains.Interfaces.Accounts;
using Gslts.KiwoomBridge.Auth;
using Gslts.KiwoomBridge.Rest;

namespace Gslts.KiwoomBridge.Accounts;

/// <summary><see cref="IBroker"/> on Kiwoom's REST API (KRX orders, the app key's account).</summary>
public sealed class KiwoomBroker(KiwoomApi api) : IBroker
{
    public Task<string> SubmitAsync(OrderRequest order, CancellationToken cancellationToken) =>
        Refusals(() => api.PlaceAsync(order.Side == OrderSide.Buy, order.Code, order.Quantity, order.Price, cancellationToken));

    public Task<string> ModifyAsync(string orderNo, string code, long quantity, long price, CancellationToken cancellationToken) =>
        Refusals(() => api.ModifyAsync(orderNo, code, quantity, price, cancellationToken));

    public Task CancelAsync(string orderNo, string code, long quantity, CancellationToken cancellationToken) =>
        Refusals(() => api.CancelAsync(orderNo, code, quantity, cancellationToken));

    public async Task<AccountBalance> BalanceAsync(CancellationToken cancellationToken)
    {
        var deposit = await api.DepositAsync(cancellationToken);
        var positions = await api.PositionsAsync(cancellationToken);
        return new AccountBalance(deposit.Cash, [.. positions.Select(p => new Holding(p.Code, p.Name, p.Quantity, p.Sellable, p.AveragePrice))]);
    }

    /// <summary>ka10075 (open) and ka10076 (with fills) together, each order once.</summary>
    public async Task<IReadOnlyList<BrokerOrder>> OrdersAsync(CancellationToken cancellationToken)
    {
        var open = await api.OpenOrdersAsync(cancellationToken);
        var filled = await api.FilledOrdersAsync(cancellationToken);
        return [.. open.Concat(filled).DistinctBy(o => o.OrderNo).Select(o => new BrokerOrder(
            o.OrderNo, o.OriginalOrderNo, o.Code, o.Buy ? OrderSide.Buy : OrderSide.Sell, o.Quantity, o.Price, o.Filled, o.Remaining, o.AverageFillPrice))];
    }

    /// <summary>Kiwoom's refusal of a request becomes the product's, with Kiwoom's own words.</summary>
    private static async Task<T> Refusals<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (KiwoomException e) when (!e.IsTokenProblem)
        {
            throw new OrderRejectedException(e.Message);
        }
    }
}

using Gslts.Grains.Interfaces.Accounts;

namespace Gslts.Grains.Accounts;

/// <summary>Folds what the broker reports into an account's state. Pure: no Orleans, no I/O.</summary>
public static class AccountBook
{
    /// <summary>
    /// Takes an order's newer state. Fills only grow and what is left only shrinks, so a report that would undo either
    /// is older than what is kept (real-time messages can arrive out of order) and is ignored. True when it changed.
    /// </summary>
    public static bool Apply(AccountState account, BrokerOrder order)
    {
        if (account.Orders.TryGetValue(order.OrderNo, out var known)
            && (order.Filled < known.Filled || order.Remaining > known.Remaining || order == known))
        {
            return false;
        }

        account.Orders[order.OrderNo] = known is null ? order : order with { OriginalOrderNo = order.OriginalOrderNo ?? known.OriginalOrderNo };
        return true;
    }

    public static void Apply(AccountState account, Holding holding, long cash)
    {
        if (holding.Quantity > 0) account.Holdings[holding.Code] = holding;
        else account.Holdings.Remove(holding.Code);
        account.Cash = cash;
    }

    /// <summary>
    /// The broker's REST view replaces the balance and updates every order it lists; an order kept as open that the
    /// broker no longer lists as open or filled was cancelled (or refused) without a fill.
    /// </summary>
    public static void Reconcile(AccountState account, IReadOnlyList<BrokerOrder> orders, AccountBalance balance)
    {
        foreach (var order in orders) Apply(account, order);
        var listed = orders.Select(o => o.OrderNo).ToHashSet();
        foreach (var gone in account.Orders.Values.Where(o => o.Remaining > 0 && !listed.Contains(o.OrderNo)).ToList())
        {
            account.Orders[gone.OrderNo] = gone with { Remaining = 0 };
        }

        account.Holdings.Clear();
        foreach (var holding in balance.Holdings) account.Holdings[holding.Code] = holding;
        account.Cash = balance.Cash;
    }
}

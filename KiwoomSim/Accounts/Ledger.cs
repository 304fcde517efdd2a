using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Accounts;

/// <summary>
/// One mock account: 예수금, positions with average price, realized P&amp;L, and what open orders hold back
/// (buying power = cash − open buys at their limit with commission; sellable = held − open sells).
/// </summary>
public sealed class Ledger(string accountNo, long cash, Fees fees)
{
    private readonly Dictionary<long, UserOrder> orders = [];
    private readonly Dictionary<string, Position> positions = [];

    public string AccountNo { get; } = accountNo;
    public long Cash { get; private set; } = cash;
    public long RealizedProfit { get; private set; }
    public long CommissionPaid { get; private set; }
    public long TaxPaid { get; private set; }
    public IReadOnlyDictionary<string, Position> Positions => positions;
    public IEnumerable<UserOrder> Orders => orders.Values;
    public IEnumerable<UserOrder> OpenOrders => orders.Values.Where(o => o.Remaining > 0);

    /// <summary>Cash not held back by open buy orders.</summary>
    public long BuyingPower => Cash - OpenOrders.Where(o => o.Side == OrderSide.Buy).Sum(Reserved);

    public long Sellable(string code) =>
        (positions.TryGetValue(code, out var p) ? p.Quantity : 0) - OpenOrders.Where(o => o.Side == OrderSide.Sell && o.Code == code).Sum(o => o.Remaining);

    /// <summary>What a buy at <paramref name="price"/> for <paramref name="quantity"/> holds back, commission included.</summary>
    public long Cost(long price, long quantity) => price * quantity + fees.Commission(price * quantity);

    public UserOrder? Order(long number) => orders.GetValueOrDefault(number);

    public void Add(UserOrder order) => orders[order.Number] = order;

    /// <summary>At the end of the day whatever is left of open orders lapses.</summary>
    public void ExpireOpenOrders()
    {
        foreach (var order in OpenOrders.ToList()) order.Cancelled += order.Remaining;
    }

    /// <summary>Books one fill of <paramref name="order"/>: cash, position, fees, realized P&amp;L.</summary>
    public (long Commission, long Tax) Fill(UserOrder order, long price, long quantity, DateOnly tradeDate)
    {
        var amount = price * quantity;
        var commission = fees.Commission(amount);
        var tax = order.Side == OrderSide.Sell ? fees.Tax(amount, tradeDate) : 0;
        order.Filled += quantity;
        order.FilledAmount += amount;
        order.Commission += commission;
        order.Tax += tax;
        CommissionPaid += commission;
        TaxPaid += tax;
        var position = positions.GetValueOrDefault(order.Code) ?? new Position(order.Code, order.Name);
        if (order.Side == OrderSide.Buy)
        {
            Cash -= amount + commission;
            position.Buy(quantity, amount);
        }
        else
        {
            Cash += amount - commission - tax;
            RealizedProfit += amount - position.Sell(quantity) - commission - tax;
        }

        positions[order.Code] = position;
        if (position.Quantity == 0) positions.Remove(order.Code);
        return (commission, tax);
    }

    private long Reserved(UserOrder order) => Cost(order.HoldPrice, order.Remaining);
}

/// <summary>Shares held and what they cost (매입금액, without fees).</summary>
public sealed class Position(string code, string name)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public long Quantity { get; private set; }
    public long Cost { get; private set; }
    public long AveragePrice => Quantity == 0 ? 0 : Cost / Quantity;

    public void Buy(long quantity, long amount) => (Quantity, Cost) = (Quantity + quantity, Cost + amount);

    /// <summary>Removes <paramref name="quantity"/> at the average cost and returns that cost.</summary>
    public long Sell(long quantity)
    {
        var cost = Quantity == quantity ? Cost : Cost * quantity / Quantity;
        (Quantity, Cost) = (Quantity - quantity, Cost - cost);
        return cost;
    }
}

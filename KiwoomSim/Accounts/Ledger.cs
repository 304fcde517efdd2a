using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Accounts;

/// <summary>
/// One mock account: 예수금 that moves T+2 after each fill, positions with average price and buy commission, realized
/// P&amp;L, and what open orders hold back (buying power = cash after every booked fill settles − open buys at their limit
/// with commission; sellable = held − open sells). Orders are day orders: <see cref="StartDay"/> lapses what is left.
/// </summary>
public sealed class Ledger(string accountNo, long cash, Fees fees, DateOnly today)
{
    private readonly Dictionary<long, UserOrder> orders = [];
    private readonly Dictionary<string, Position> positions = [];
    private readonly SortedDictionary<DateOnly, Settlement> pending = [];
    private Dictionary<string, Traded> previousDay = [];
    private long settled = cash;

    public string AccountNo { get; } = accountNo;

    /// <summary>The trading day fills are booked on.</summary>
    public DateOnly Today { get; private set; } = today;

    /// <summary>예수금: the cash settled by today; a fill moves it on its settlement day (T+2), not at once.</summary>
    public long Cash => CashOn(Today);

    /// <summary>Cash once every fill booked so far has settled (D+2 추정예수금).</summary>
    public long ProjectedCash => settled + pending.Values.Sum(s => s.Net);

    public long RealizedProfit { get; private set; }
    public long CommissionPaid { get; private set; }
    public long TaxPaid { get; private set; }
    public IReadOnlyDictionary<string, Position> Positions => positions;

    /// <summary>Today's orders (a new day starts with none).</summary>
    public IEnumerable<UserOrder> Orders => orders.Values;

    public IEnumerable<UserOrder> OpenOrders => orders.Values.Where(o => o.Remaining > 0);

    /// <summary>주문증거금: what open buy orders hold back, commission included.</summary>
    public long Reserved => OpenOrders.Where(o => o.Side == OrderSide.Buy).Sum(o => Cost(o.HoldPrice, o.Remaining));

    /// <summary>Cash not held back by open buy orders; sale proceeds buy again before they settle, as at Kiwoom.</summary>
    public long BuyingPower => ProjectedCash - Reserved;

    /// <summary>The cash settled by <paramref name="date"/> (D+1, D+2 추정예수금 for the days ahead).</summary>
    public long CashOn(DateOnly date) => settled + pending.Where(p => p.Key <= date).Sum(p => p.Value.Net);

    /// <summary>What settles on <paramref name="date"/>: buys to pay, sells to receive.</summary>
    public Settlement DueOn(DateOnly date) => pending.GetValueOrDefault(date);

    /// <summary>The trading day <paramref name="days"/> after today (D+1, D+2), on the calendar the fees settle by.</summary>
    public DateOnly TradingDaysAhead(int days) => KrxCalendar.Default.AddTradingDays(Today, days);

    public long Sellable(string code) =>
        (positions.TryGetValue(code, out var p) ? p.Quantity : 0) - OpenOrders.Where(o => o.Side == OrderSide.Sell && o.Code == code).Sum(o => o.Remaining);

    /// <summary>Shares of <paramref name="code"/> bought and sold today.</summary>
    public Traded TradedToday(string code) => Tally(orders.Values.Where(o => o.Code == code));

    /// <summary>Shares of <paramref name="code"/> bought and sold on the previous trading day.</summary>
    public Traded TradedPreviousDay(string code) => previousDay.GetValueOrDefault(code);

    /// <summary>What a buy at <paramref name="price"/> for <paramref name="quantity"/> holds back, commission included.</summary>
    public long Cost(long price, long quantity) => price * quantity + fees.Commission(price * quantity);

    /// <summary>What selling <paramref name="quantity"/> at <paramref name="price"/> today would cost: commission and transaction tax.</summary>
    public (long Commission, long Tax) SaleCosts(long price, long quantity) =>
        (fees.Commission(price * quantity), fees.Tax(price * quantity, Today));

    public UserOrder? Order(long number) => orders.GetValueOrDefault(number);

    /// <summary>The first order of a modify chain (모주문), Kiwoom's base_orig_ord_no.</summary>
    public long RootOf(long number)
    {
        while (orders.GetValueOrDefault(number) is { IsModification: true } order) number = order.OriginalNumber;
        return number;
    }

    public void Add(UserOrder order) => orders[order.Number] = order;

    /// <summary>A new trading day: what is left of open orders lapses, yesterday's orders go, what is due by then settles.</summary>
    public void StartDay(DateOnly date)
    {
        if (date <= Today) return;
        foreach (var order in OpenOrders.ToList()) order.Cancelled += order.Remaining;
        previousDay = orders.Values.GroupBy(o => o.Code).ToDictionary(g => g.Key, Tally);
        orders.Clear();
        Today = date;
        foreach (var day in pending.Keys.Where(d => d <= date).ToList())
        {
            settled += pending[day].Net;
            pending.Remove(day);
        }
    }

    /// <summary>Books one fill of <paramref name="order"/>: position, fees, realized P&amp;L, and the cash due on its settlement day.</summary>
    public (long Commission, long Tax) Fill(UserOrder order, long price, long quantity, DateOnly tradeDate)
    {
        var amount = price * quantity;
        var commission = fees.Commission(amount);
        var tax = order.Side == OrderSide.Sell ? fees.Tax(amount, tradeDate) : 0;
        order.Filled += quantity;
        order.FilledAmount += amount;
        order.Commission += commission;
        order.Tax += tax;
        (order.LastFillPrice, order.LastFillQuantity) = (price, quantity);
        CommissionPaid += commission;
        TaxPaid += tax;
        var due = fees.Settlement(tradeDate);
        var settlement = pending.GetValueOrDefault(due);
        var position = positions.GetValueOrDefault(order.Code) ?? new Position(order.Code, order.Name);
        if (order.Side == OrderSide.Buy)
        {
            pending[due] = settlement with { Buys = settlement.Buys + amount + commission };
            position.Buy(quantity, amount, commission);
        }
        else
        {
            pending[due] = settlement with { Sells = settlement.Sells + amount - commission - tax };
            RealizedProfit += amount - position.Sell(quantity) - commission - tax;
        }

        positions[order.Code] = position;
        if (position.Quantity == 0) positions.Remove(order.Code);
        return (commission, tax);
    }

    private static Traded Tally(IEnumerable<UserOrder> ofOneCode)
    {
        var list = ofOneCode.ToList();
        return new Traded(list.Where(o => o.Side == OrderSide.Buy).Sum(o => o.Filled), list.Where(o => o.Side == OrderSide.Sell).Sum(o => o.Filled));
    }
}

/// <summary>Cash one settlement day moves: buys pay price plus commission, sells bring price less commission and tax.</summary>
public readonly record struct Settlement(long Buys, long Sells)
{
    public long Net => Sells - Buys;
}

/// <summary>Shares bought and sold in one stock on one day.</summary>
public readonly record struct Traded(long Bought, long Sold);

/// <summary>Shares held, what they cost (매입금액, without fees) and the commission paid buying them (매입수수료).</summary>
public sealed class Position(string code, string name)
{
    public string Code { get; } = code;
    public string Name { get; } = name;
    public long Quantity { get; private set; }
    public long Cost { get; private set; }
    public long BuyCommission { get; private set; }
    public long AveragePrice => Quantity == 0 ? 0 : Cost / Quantity;

    public void Buy(long quantity, long amount, long commission) =>
        (Quantity, Cost, BuyCommission) = (Quantity + quantity, Cost + amount, BuyCommission + commission);

    /// <summary>Removes <paramref name="quantity"/> at the average cost and returns that cost; the buy commission goes with it pro rata.</summary>
    public long Sell(long quantity)
    {
        var (cost, commission) = Quantity == quantity ? (Cost, BuyCommission) : (Cost * quantity / Quantity, BuyCommission * quantity / Quantity);
        (Quantity, Cost, BuyCommission) = (Quantity - quantity, Cost - cost, BuyCommission - commission);
        return cost;
    }
}

using Gslts.KiwoomSim.Accounts;
using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Market;

/// <summary>What the broker answers an order, modify or cancel: the order number, or a Kiwoom-style refusal.</summary>
public sealed record OrderOutcome(bool Accepted, string Message, long OrderNumber = 0, long Quantity = 0)
{
    public static OrderOutcome Refuse(string message) => new(false, message);
}

public sealed partial class SimMarket
{
    private readonly Dictionary<string, Ledger> ledgers = [];

    /// <summary>Runs <paramref name="read"/> on an account under the market's lock, or returns default for an unknown account.</summary>
    public T? Read<T>(string accountNo, Func<Ledger, Func<string, StockView?>, T> read)
    {
        lock (gate)
        {
            return ledgers.TryGetValue(accountNo, out var ledger) ? read(ledger, code => byCode.TryGetValue(code, out var s) ? View(s) : null) : default;
        }
    }

    /// <summary>kt10000/kt10001: checks buying power or sellable shares, then sends the order to the book.</summary>
    public OrderOutcome Place(string accountNo, string code, OrderSide side, OrderType type, long price, long quantity, TimeOnly time,
        List<SimTrade> trades, List<AccountEvent> events)
    {
        lock (gate)
        {
            if (!KrxSessions.Accepts(Phase)) return OrderOutcome.Refuse("장 운영시간이 아닙니다 (08:30~15:30 정규장만 받습니다)");
            if (!ledgers.TryGetValue(accountNo, out var ledger)) return OrderOutcome.Refuse("계좌가 없습니다");
            if (!byCode.TryGetValue(code, out var stock)) return OrderOutcome.Refuse($"종목코드가 올바르지 않습니다 ({code})");
            if (stock.Book.Validate(type, price, quantity) is { } invalid) return OrderOutcome.Refuse(invalid.Message);
            var hold = type == OrderType.Market ? stock.Limits.Upper : price;
            if (side == OrderSide.Buy && ledger.Cost(hold, quantity) > ledger.BuyingPower)
                return OrderOutcome.Refuse($"주문가능금액을 초과합니다 (주문가능 {ledger.BuyingPower:N0}원)");
            if (side == OrderSide.Sell && quantity > ledger.Sellable(code))
                return OrderOutcome.Refuse($"매도가능수량을 초과합니다 (매도가능 {ledger.Sellable(code):N0}주)");

            var number = flow.NextOrderId();
            var order = new UserOrder(number, 0, accountNo, code, stock.Listing.Name, side, type, price, quantity, time) { HoldPrice = hold };
            ledger.Add(order);
            events.Add(AccountMessages.Order(order, "접수", side == OrderSide.Buy ? "+매수" : "-매도", time, Quote(stock)));
            fills.Clear();
            var result = stock.Book.Submit(new OrderRequest(number, accountNo, side, type, price, quantity), fills);
            Settle(stock, time, trades, events);
            if (result.Cancelled > 0)
            {
                // A market order's unfilled remainder does not rest.
                order.Cancelled += result.Cancelled;
                events.Add(AccountMessages.Order(order, "취소", side == OrderSide.Buy ? "매수취소" : "매도취소", time, Quote(stock)));
            }

            return new OrderOutcome(true, "", number, quantity);
        }
    }

    /// <summary>kt10003: cancels <paramref name="quantity"/> (0 = all that is left) of an open order under a new order number.</summary>
    public OrderOutcome Cancel(string accountNo, long original, string code, long quantity, TimeOnly time, List<AccountEvent> events)
    {
        lock (gate)
        {
            if (!KrxSessions.Accepts(Phase)) return OrderOutcome.Refuse("장 운영시간이 아닙니다 (08:30~15:30 정규장만 받습니다)");
            if (OpenOrder(accountNo, original, code) is not { } found) return OrderOutcome.Refuse($"취소할 수 있는 주문이 없습니다 ({UserOrder.FormatNumber(original)})");
            var (ledger, stock, order) = found;
            if (quantity < 0 || quantity > order.Remaining) return OrderOutcome.Refuse($"취소수량이 미체결수량({order.Remaining:N0}주)을 넘습니다");
            var result = stock.Book.Cancel(original, quantity);
            order.Cancelled += result.Cancelled;
            var number = flow.NextOrderId();
            events.Add(AccountMessages.Order(order, "확인", order.Side == OrderSide.Buy ? "매수취소" : "매도취소", time, Quote(stock)));
            events.Add(AccountMessages.Balance(ledger, code, stock.Listing.Name, Quote(stock), order.Side));
            return new OrderOutcome(true, "", number, result.Cancelled);
        }
    }

    /// <summary>
    /// kt10002: moves <paramref name="quantity"/> (0 = all that is left) of an open order to <paramref name="price"/> under a new order number;
    /// the rest, if any, stays at the original price. The moved part queues anew.
    /// </summary>
    public OrderOutcome Modify(string accountNo, long original, string code, long quantity, long price, TimeOnly time,
        List<SimTrade> trades, List<AccountEvent> events)
    {
        lock (gate)
        {
            if (!KrxSessions.Accepts(Phase)) return OrderOutcome.Refuse("장 운영시간이 아닙니다 (08:30~15:30 정규장만 받습니다)");
            if (OpenOrder(accountNo, original, code) is not { } found) return OrderOutcome.Refuse($"정정할 수 있는 주문이 없습니다 ({UserOrder.FormatNumber(original)})");
            var (ledger, stock, order) = found;
            if (order.Type == OrderType.Market) return OrderOutcome.Refuse("시장가 주문은 정정할 수 없습니다");
            if (quantity == 0) quantity = order.Remaining;
            if (quantity < 1 || quantity > order.Remaining) return OrderOutcome.Refuse($"정정수량은 1주 이상 미체결수량({order.Remaining:N0}주) 이하입니다");
            if (stock.Book.Validate(OrderType.Limit, price, quantity) is { } invalid) return OrderOutcome.Refuse(invalid.Message);
            if (order.Side == OrderSide.Buy && ledger.Cost(price, quantity) - ledger.Cost(order.HoldPrice, quantity) > ledger.BuyingPower)
                return OrderOutcome.Refuse($"주문가능금액을 초과합니다 (주문가능 {ledger.BuyingPower:N0}원)");

            var number = flow.NextOrderId();
            stock.Book.Cancel(original, quantity);
            order.Cancelled += quantity;
            var moved = new UserOrder(number, original, accountNo, code, stock.Listing.Name, order.Side, OrderType.Limit, price, quantity, time);
            ledger.Add(moved);
            var kind = order.Side == OrderSide.Buy ? "매수정정" : "매도정정";
            events.Add(AccountMessages.Order(order, "확인", kind, time, Quote(stock)));
            events.Add(AccountMessages.Order(moved, "접수", kind, time, Quote(stock)));
            fills.Clear();
            stock.Book.Submit(new OrderRequest(number, accountNo, order.Side, OrderType.Limit, price, quantity), fills);
            Settle(stock, time, trades, events);
            return new OrderOutcome(true, "", number, quantity);
        }
    }

    private (Ledger Ledger, SimStock Stock, UserOrder Order)? OpenOrder(string accountNo, long number, string code) =>
        ledgers.TryGetValue(accountNo, out var ledger) && ledger.Order(number) is { Remaining: > 0 } order && order.Code == code
        && byCode.TryGetValue(code, out var stock)
            ? (ledger, stock, order)
            : null;

    /// <summary>
    /// Prints every fill in <see cref="fills"/> as a trade and books the traders' sides of them; notes a VI the order
    /// that made them set off.
    /// </summary>
    private void Settle(SimStock stock, TimeOnly time, List<SimTrade> trades, List<AccountEvent>? events)
    {
        foreach (var fill in fills)
        {
            trades.Add(stock.Print(time, fill));
            if (ledgers.Count == 0) continue;
            Book(fill.BuyAccount, fill.BuyOrderId, fill, stock, time, events);
            Book(fill.SellAccount, fill.SellOrderId, fill, stock, time, events);
        }

        if (stock.Book.Interruption is { } trigger && stock.Interruption is null) Interrupt(stock, trigger, time);
    }

    private void Book(string account, long orderId, Fill fill, SimStock stock, TimeOnly time, List<AccountEvent>? events)
    {
        if (!ledgers.TryGetValue(account, out var ledger) || ledger.Order(orderId) is not { } order) return;
        var (commission, tax) = ledger.Fill(order, fill.Price, fill.Quantity, TradingDate);
        events?.Add(AccountMessages.Order(order, "체결", order.Side == OrderSide.Buy ? "+매수" : "-매도", time, Quote(stock), fill, commission, tax));
        events?.Add(AccountMessages.Balance(ledger, order.Code, order.Name, Quote(stock), order.Side));
    }

    private static StockQuote Quote(SimStock stock) => new(stock.Price, stock.BestAsk, stock.BestBid, stock.Listing.PreviousClose);
}

using Gslts.Grains.Interfaces.Accounts;

namespace Gslts.Grains.Tests.Accounts;

/// <summary>
/// A broker held in memory that keeps orders the way Kiwoom does (a modification is a new order; what it took counts as
/// cancelled on the old one) and can fill without telling anyone or lose its next answer.
/// </summary>
public sealed class ScriptedBroker : IBroker
{
    private readonly Dictionary<string, BrokerOrder> orders = [];
    private int next = 1;

    /// <summary>The next order call is carried out but its answer is lost.</summary>
    public bool LoseNextAnswer { get; set; }

    public List<string> Calls { get; } = [];

    public Task<string> SubmitAsync(OrderRequest order, CancellationToken cancellationToken) => Answer(() =>
    {
        Calls.Add($"submit {order.Code} {order.Quantity}");
        return Add(null, order.Code, order.Side, order.Quantity, order.Price ?? 0);
    });

    public Task<string> ModifyAsync(string orderNo, string code, long quantity, long price, CancellationToken cancellationToken) => Answer(() =>
    {
        Calls.Add($"modify {orderNo} {quantity}");
        var old = orders[orderNo];
        if (quantity > old.Remaining) throw new OrderRejectedException($"정정수량은 1주 이상 미체결수량({old.Remaining:N0}주) 이하입니다");
        orders[orderNo] = old with { Remaining = old.Remaining - quantity };
        return Add(orderNo, code, old.Side, quantity, price);
    });

    public Task CancelAsync(string orderNo, string code, long quantity, CancellationToken cancellationToken) => Answer(() =>
    {
        Calls.Add($"cancel {orderNo}");
        orders[orderNo] = orders[orderNo] with { Remaining = 0 };
        return orderNo;
    });

    public Task<AccountBalance> BalanceAsync(CancellationToken cancellationToken) => Task.FromResult(new AccountBalance(1_000_000, []));

    public Task<IReadOnlyList<BrokerOrder>> OrdersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BrokerOrder>>([.. orders.Values]);

    /// <summary>The exchange fills part of an order; no real-time message reaches the account grain.</summary>
    public void FillQuietly(string orderNo, long quantity)
    {
        var order = orders[orderNo];
        orders[orderNo] = order with { Filled = order.Filled + quantity, Remaining = order.Remaining - quantity, AverageFillPrice = order.Price };
    }

    private string Add(string? original, string code, OrderSide side, long quantity, long price)
    {
        var number = (next++).ToString("D7");
        orders[number] = new BrokerOrder(number, original, code, side, quantity, price, 0, quantity, 0);
        return number;
    }

    private Task<string> Answer(Func<string> call)
    {
        var answer = call();
        if (!LoseNextAnswer) return Task.FromResult(answer);
        LoseNextAnswer = false;
        throw new OrderOutcomeUnknownException("connection reset before the answer");
    }
}

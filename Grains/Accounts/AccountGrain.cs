using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Accounts;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Krx;
using Microsoft.Extensions.Logging;

namespace Gslts.Grains.Accounts;

/// <summary>One brokerage account: orders go out through <see cref="IBroker"/>; every state the broker reports comes back here.</summary>
public sealed class AccountGrain(
    [PersistentState("account", StorageNames.Market)] IPersistentState<AccountState> account,
    IBroker broker,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    public async Task<BrokerOrder> Place(OrderRequest order)
    {
        if (!StockCode.IsValid(order.Code)) throw new OrderRejectedException($"종목코드는 6자리입니다 ({order.Code})");
        if (order.Quantity < 1) throw new OrderRejectedException("주문수량은 1주 이상입니다");
        if (order.Price is { } price) CheckTick(price);

        string number;
        try
        {
            number = await broker.SubmitAsync(order, CancellationToken.None);
        }
        catch (OrderOutcomeUnknownException e)
        {
            return await FindAfterLostAnswer(order, e);
        }

        AccountBook.Apply(account.State, new BrokerOrder(number, null, order.Code, order.Side, order.Quantity, order.Price ?? 0, 0, order.Quantity, 0));
        await account.WriteStateAsync();
        return account.State.Orders[number];
    }

    public async Task<BrokerOrder> Modify(string orderNo, long quantity, long price)
    {
        var original = Open(orderNo, "정정");
        if (quantity < 0 || quantity > original.Remaining) throw new OrderRejectedException($"정정수량은 1주 이상 미체결수량({original.Remaining:N0}주) 이하입니다");
        CheckTick(price);

        var moving = quantity == 0 ? original.Remaining : quantity;
        string number;
        try
        {
            try
            {
                number = await broker.ModifyAsync(orderNo, original.Code, moving, price, CancellationToken.None);
            }
            catch (OrderRejectedException) when (quantity == 0)
            {
                // "The rest" may have met fills the real-time feed had not reported yet: then the rest is what is left now.
                if (await FilledSince(original) is not { } now) throw;
                (original, moving) = (now, now.Remaining);
                number = await broker.ModifyAsync(orderNo, original.Code, moving, price, CancellationToken.None);
            }
        }
        catch (OrderOutcomeUnknownException e)
        {
            return await FindModificationAfterLostAnswer(orderNo, e);
        }

        AccountBook.Apply(account.State, original with { Remaining = original.Remaining - moving });
        AccountBook.Apply(account.State, new BrokerOrder(number, orderNo, original.Code, original.Side, moving, price, 0, moving, 0));
        await account.WriteStateAsync();
        return account.State.Orders[number];
    }

    public async Task Cancel(string orderNo)
    {
        var original = Open(orderNo, "취소");
        try
        {
            await broker.CancelAsync(orderNo, original.Code, 0, CancellationToken.None);
        }
        catch (OrderOutcomeUnknownException e)
        {
            logger.LogWarning("The answer to cancelling {OrderNo} was lost; reconciling: {Reason}", orderNo, e.Message);
            await Reconcile();
            if (account.State.Orders[orderNo].Remaining > 0) throw new OrderRejectedException($"취소가 확인되지 않았습니다: 주문 {orderNo}이 아직 남아 있습니다");
            return;
        }

        AccountBook.Apply(account.State, original with { Remaining = 0 });
        await account.WriteStateAsync();
    }

    public Task<BrokerOrder[]> GetOrders() => Task.FromResult(account.State.Orders.Values.OrderBy(o => o.OrderNo, StringComparer.Ordinal).ToArray());

    public Task<AccountBalance> GetBalance() =>
        Task.FromResult(new AccountBalance(account.State.Cash, [.. account.State.Holdings.Values.OrderBy(h => h.Code, StringComparer.Ordinal)]));

    public async Task OnOrder(BrokerOrder order)
    {
        if (AccountBook.Apply(account.State, order)) await account.WriteStateAsync();
    }

    public async Task OnHolding(Holding holding, long cash)
    {
        AccountBook.Apply(account.State, holding, cash);
        await account.WriteStateAsync();
    }

    public async Task Reconcile()
    {
        var orders = await broker.OrdersAsync(CancellationToken.None);
        var balance = await broker.BalanceAsync(CancellationToken.None);
        AccountBook.Reconcile(account.State, orders, balance);
        await account.WriteStateAsync();
        logger.LogInformation("Account {Account} reconciled with the broker: {Orders} orders, {Holdings} holdings",
            this.GetPrimaryKeyString(), orders.Count, balance.Holdings.Length);
    }

    private BrokerOrder Open(string orderNo, string action) =>
        account.State.Orders.TryGetValue(orderNo, out var order) && order.Remaining > 0
            ? order
            : throw new OrderRejectedException($"{action}할 수 있는 주문이 없습니다 ({orderNo})");

    private static void CheckTick(long price)
    {
        if (TickSize.IsValid(price)) return;
        var below = TickSize.RoundDown(price);
        throw new OrderRejectedException($"호가단위에 맞지 않는 가격입니다 ({price:N0}원): {below:N0}원 또는 {TickSize.RoundUp(price):N0}원");
    }

    /// <summary>The broker may have the order: reconcile, and take the one order that matches and was not known before.</summary>
    private async Task<BrokerOrder> FindAfterLostAnswer(OrderRequest order, OrderOutcomeUnknownException lost)
    {
        logger.LogWarning("The answer to an order for {Code} was lost; reconciling before anything else: {Reason}", order.Code, lost.Message);
        var known = account.State.Orders.Keys.ToHashSet();
        await Reconcile();
        var placed = account.State.Orders.Values.Where(o => !known.Contains(o.OrderNo) && o.Code == order.Code && o.Side == order.Side
            && o.Quantity == order.Quantity && o.OriginalOrderNo is null).ToList();
        return placed.Count == 1
            ? placed[0]
            : throw new OrderRejectedException(placed.Count == 0
                ? "주문이 접수되지 않았습니다 (응답이 끊겨 잔고를 다시 확인했습니다)"
                : "같은 주문이 여럿 있어 어느 것인지 알 수 없습니다: 주문 목록을 확인하세요");
    }

    /// <summary>After a refusal: reconciles, and returns the order when fills since left less of it open (else null).</summary>
    private async Task<BrokerOrder?> FilledSince(BrokerOrder before)
    {
        await Reconcile();
        return account.State.Orders.GetValueOrDefault(before.OrderNo) is { Remaining: > 0 } now && now.Remaining < before.Remaining ? now : null;
    }

    /// <summary>The broker may have taken the modification: reconcile, and take the one new order that came from the original.</summary>
    private async Task<BrokerOrder> FindModificationAfterLostAnswer(string orderNo, OrderOutcomeUnknownException lost)
    {
        logger.LogWarning("The answer to modifying {OrderNo} was lost; reconciling before anything else: {Reason}", orderNo, lost.Message);
        var known = account.State.Orders.Keys.ToHashSet();
        await Reconcile();
        var moved = account.State.Orders.Values.Where(o => !known.Contains(o.OrderNo) && o.OriginalOrderNo == orderNo).ToList();
        return moved.Count == 1 ? moved[0] : throw new OrderRejectedException("정정이 접수되지 않았습니다 (응답이 끊겨 주문 목록을 다시 확인했습니다)");
    }
}

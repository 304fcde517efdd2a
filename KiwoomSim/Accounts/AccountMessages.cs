using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Matching;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Accounts;

/// <summary>A real-time item for one account: <c>00</c> 주문체결 or <c>04</c> 잔고.</summary>
public sealed record AccountEvent(string AccountNo, string Type, JsonObject Item);

/// <summary>Builds Kiwoom's <c>00</c> and <c>04</c> items with their field ids.</summary>
public static class AccountMessages
{
    public const string OrderType = "00";
    public const string BalanceType = "04";

    /// <summary>00: <paramref name="state"/> is 접수, 체결, 확인 (modify/cancel confirmed), 취소 or 거부.</summary>
    public static AccountEvent Order(UserOrder order, string state, string kind, TimeOnly time, Fill? fill = null, long commission = 0, long tax = 0)
    {
        var values = new JsonObject
        {
            ["9201"] = order.Account,
            ["9203"] = UserOrder.FormatNumber(order.Number),
            ["9001"] = order.Code,
            ["302"] = order.Name,
            ["913"] = state,
            ["900"] = Number(order.Quantity),
            ["901"] = Number(order.Type == Matching.OrderType.Market ? 0 : order.Price),
            ["902"] = Number(order.Remaining),
            ["903"] = Number(order.FilledAmount),
            ["904"] = UserOrder.FormatNumber(order.OriginalNumber),
            ["905"] = kind,
            ["906"] = order.Type == Matching.OrderType.Market ? "시장가" : "보통",
            ["907"] = order.Side == OrderSide.Sell ? "1" : "2",
            ["908"] = Time(time),
            ["909"] = fill is null ? "" : UserOrder.FormatNumber(order.Number) + Number(order.Filled),
            ["910"] = Number(order.AverageFillPrice),
            ["911"] = Number(order.Filled),
            ["914"] = Number(fill?.Price ?? 0),
            ["915"] = Number(fill?.Quantity ?? 0),
            ["938"] = Number(commission),
            ["939"] = Number(tax),
        };
        return new AccountEvent(order.Account, OrderType, Item(OrderType, "주문체결", values));
    }

    /// <summary>04: the position in <paramref name="code"/> after a fill, with the account's 예수금.</summary>
    public static AccountEvent Balance(Ledger ledger, string code, string name, long price, OrderSide side)
    {
        var position = ledger.Positions.GetValueOrDefault(code);
        var quantity = position?.Quantity ?? 0;
        var cost = position?.Cost ?? 0;
        var rate = cost == 0 ? 0m : Math.Round((price * quantity - cost) * 100m / cost, 2);
        var values = new JsonObject
        {
            ["9201"] = ledger.AccountNo,
            ["9001"] = code,
            ["302"] = name,
            ["10"] = Number(price),
            ["930"] = Number(quantity),
            ["931"] = Number(position?.AveragePrice ?? 0),
            ["932"] = Number(cost),
            ["933"] = Number(ledger.Sellable(code)),
            ["946"] = side == OrderSide.Sell ? "1" : "2",
            ["950"] = Number(ledger.RealizedProfit),
            ["951"] = Number(ledger.Cash),
            ["8019"] = rate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        };
        return new AccountEvent(ledger.AccountNo, BalanceType, Item(BalanceType, "잔고", values));
    }

    private static JsonObject Item(string type, string name, JsonObject values) =>
        new() { ["type"] = type, ["name"] = name, ["item"] = "", ["values"] = values };
}

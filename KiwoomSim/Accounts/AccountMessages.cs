using System.Text.Json.Nodes;
using Gslts.KiwoomSim.Matching;
using static Gslts.KiwoomSim.Protocol.KiwoomFormat;

namespace Gslts.KiwoomSim.Accounts;

/// <summary>A real-time item for one account: <c>00</c> 주문체결 or <c>04</c> 잔고.</summary>
public sealed record AccountEvent(string AccountNo, string Type, JsonObject Item);

/// <summary>The stock's price and best quotes when an account event happens (현재가, 최우선 매도/매수호가, 기준가).</summary>
public sealed record StockQuote(long Price, long BestAsk, long BestBid, long BasePrice);

/// <summary>Builds Kiwoom's <c>00</c> and <c>04</c> items with every field id of the spec, in its order.</summary>
public static class AccountMessages
{
    public const string OrderType = "00";
    public const string BalanceType = "04";

    /// <summary>00: <paramref name="state"/> is 접수, 체결, 확인 (modify/cancel confirmed), 취소 or 거부.</summary>
    public static AccountEvent Order(UserOrder order, string state, string kind, TimeOnly time, StockQuote quote, Fill? fill = null,
        long commission = 0, long tax = 0)
    {
        var values = new JsonObject
        {
            ["9201"] = order.Account,
            ["9203"] = UserOrder.FormatNumber(order.Number),
            ["9205"] = "",
            ["9001"] = order.Code,
            ["912"] = "JJ",
            ["913"] = state,
            ["302"] = order.Name,
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
            ["10"] = Quoted(quote.Price, quote.BasePrice),
            ["27"] = Quoted(quote.BestAsk, quote.BasePrice),
            ["28"] = Quoted(quote.BestBid, quote.BasePrice),
            ["914"] = Number(fill?.Price ?? 0),
            ["915"] = Number(fill?.Quantity ?? 0),
            ["938"] = Number(commission),
            ["939"] = Number(tax),
            ["919"] = state == "거부" ? kind : "0",
            // No HTS screen or terminal at the sim; cash (not credit) orders on KRX only.
            ["920"] = "",
            ["921"] = "",
            ["922"] = "00",
            ["923"] = "00000000",
            ["10010"] = "",
            ["2134"] = "1",
            ["2135"] = "KRX",
            ["2136"] = "N",
        };
        return new AccountEvent(order.Account, OrderType, Item(OrderType, "주문체결", order.Code, values));
    }

    /// <summary>04: the position in <paramref name="code"/> after a fill, with the account's 예수금.</summary>
    public static AccountEvent Balance(Ledger ledger, string code, string name, StockQuote quote, OrderSide side)
    {
        var position = ledger.Positions.GetValueOrDefault(code);
        var quantity = position?.Quantity ?? 0;
        var cost = position?.Cost ?? 0;
        var price = quote.Price;
        var rate = cost == 0 ? 0m : Math.Round((price * quantity - cost) * 100m / cost, 2);
        var netBought = ledger.Orders.Where(o => o.Code == code).Sum(o => o.Side == OrderSide.Buy ? o.Filled : -o.Filled);
        var values = new JsonObject
        {
            ["9201"] = ledger.AccountNo,
            ["9001"] = code,
            ["917"] = "00",
            ["916"] = "00000000",
            ["302"] = name,
            ["10"] = Quoted(price, quote.BasePrice),
            ["930"] = Number(quantity),
            ["931"] = Number(position?.AveragePrice ?? 0),
            ["932"] = Number(cost),
            ["933"] = Number(ledger.Sellable(code)),
            ["945"] = Number(netBought),
            ["946"] = side == OrderSide.Sell ? "1" : "2",
            ["950"] = Number(ledger.RealizedProfit),
            ["951"] = Number(ledger.Cash),
            ["27"] = Quoted(quote.BestAsk, quote.BasePrice),
            ["28"] = Quoted(quote.BestBid, quote.BasePrice),
            ["307"] = Number(quote.BasePrice),
            ["8019"] = rate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            // Cash positions only: no credit, loans or maturities at the sim.
            ["957"] = "0",
            ["958"] = "0",
            ["918"] = "00000000",
            ["990"] = Number(ledger.RealizedProfit),
            ["991"] = "0.00",
            ["992"] = "0",
            ["993"] = "0.00",
            ["959"] = "0",
            ["924"] = "0",
        };
        return new AccountEvent(ledger.AccountNo, BalanceType, Item(BalanceType, "현물잔고", code, values));
    }

    /// <summary>A price signed by direction vs the base price; no price (an empty side) stays "0".</summary>
    private static string Quoted(long price, long basePrice) => price == 0 ? "0" : Signed(price, basePrice);

    // Kiwoom names the stock in the item of account events (they are registered with item "").
    private static JsonObject Item(string type, string name, string code, JsonObject values) =>
        new() { ["type"] = type, ["name"] = name, ["item"] = code, ["values"] = values };
}

using Gslts.Grains.Interfaces.Accounts;

namespace Gslts.KiwoomBridge.Realtime;

/// <summary>Reads Kiwoom's account messages: <c>00</c> 주문체결 into an order's state, <c>04</c> 잔고 into a holding.</summary>
public static class AccountParser
{
    /// <summary>00: the order as it stands after this event (cumulative fills, what is left), or why it was rejected.</summary>
    public static (BrokerOrder? Order, string? Rejection) Order(RealValues values)
    {
        var number = Text(values, 9203);
        var code = KiwoomFields.StockCode(Text(values, 9001));
        var side = Text(values, 907) switch { "1" => OrderSide.Sell, "2" => OrderSide.Buy, _ => (OrderSide?)null };
        var quantity = values.Signed(900);
        var remaining = values.Signed(902);
        if (number.Length == 0 || code is null || side is null || quantity is not > 0 || remaining is null or < 0)
        {
            return (null, "00 lacks an order number (9203), code (9001), side (907), quantity (900) or remaining (902)");
        }

        var original = Text(values, 904);
        return (new BrokerOrder(number, original.TrimStart('0').Length == 0 ? null : original, code, side.Value, quantity.Value,
            values.Price(901) ?? 0, values.Signed(911) ?? 0, remaining.Value,
            values.Price(910) ?? 0), null);
    }

    /// <summary>04: the holding in one stock and the account's 예수금.</summary>
    public static (Holding? Holding, long Cash, string? Rejection) Holding(RealValues values)
    {
        var code = KiwoomFields.StockCode(Text(values, 9001));
        var quantity = values.Signed(930);
        var cash = values.Signed(951);
        if (code is null || quantity is null or < 0 || cash is null) return (null, 0, "04 lacks a code (9001), quantity (930) or 예수금 (951)");
        return (new Holding(code, Text(values, 302), quantity.Value, values.Signed(933) ?? 0,
            values.Price(931) ?? 0), cash.Value, null);
    }

    private static string Text(RealValues values, int id) => values.Text(id).Trim();
}

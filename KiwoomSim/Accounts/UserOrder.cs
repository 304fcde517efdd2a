using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Accounts;

/// <summary>A trader's order at the sim and everything that happened to it, as 미체결/체결 queries report it.</summary>
/// <param name="originalNumber">The order this one modifies, or 0 for an order that modifies none (Kiwoom's "0000000").</param>
public sealed class UserOrder(long number, long originalNumber, string account, string code, string name, OrderSide side, OrderType type,
    long price, long quantity, TimeOnly time)
{
    public long Number { get; } = number;
    public long OriginalNumber { get; } = originalNumber;
    public string Account { get; } = account;
    public string Code { get; } = code;
    public string Name { get; } = name;
    public OrderSide Side { get; } = side;
    public OrderType Type { get; } = type;
    public long Price { get; } = price;
    public long Quantity { get; } = quantity;
    public TimeOnly Time { get; } = time;
    public long Filled { get; set; }
    public long FilledAmount { get; set; }
    public long Cancelled { get; set; }
    public long Commission { get; set; }
    public long Tax { get; set; }

    /// <summary>The latest fill (단위체결가/단위체결량); 0 before any.</summary>
    public long LastFillPrice { get; set; }

    public long LastFillQuantity { get; set; }

    public long Remaining => Quantity - Filled - Cancelled;

    /// <summary>The price buying power is held at: the limit, or the upper limit for a market buy.</summary>
    public long HoldPrice { get; init; } = price;

    public bool IsModification => OriginalNumber != 0;

    /// <summary>접수 (accepted, nothing filled), 체결 (some or all filled), 취소 (nothing left and something cancelled).</summary>
    public string State => Remaining > 0 ? (Filled > 0 ? "체결" : "접수") : Cancelled > 0 ? "취소" : "체결";

    /// <summary>주문구분 as Kiwoom names it: +매수, -매도, and 정정 for an order that modifies another.</summary>
    public string Kind => (Side == OrderSide.Buy ? "+매수" : "-매도") + (IsModification ? "정정" : "");

    /// <summary>매매구분 as Kiwoom names it.</summary>
    public string TradeType => Type == OrderType.Market ? "시장가" : "보통";

    public long AverageFillPrice => Filled == 0 ? 0 : FilledAmount / Filled;

    /// <summary>체결번호 of the latest fill, empty before any.</summary>
    public string FillNumber => Filled == 0 ? "" : FormatNumber(Number) + Filled.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string FormatNumber(long number) => number.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}

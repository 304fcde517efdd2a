using Gslts.KiwoomSim.Matching;

namespace Gslts.KiwoomSim.Accounts;

/// <summary>A trader's order at the sim and everything that happened to it, as 미체결/체결 queries report it.</summary>
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
    public long Remaining => Quantity - Filled - Cancelled;

    /// <summary>The price buying power is held at: the limit, or the upper limit for a market buy.</summary>
    public long HoldPrice { get; init; } = price;

    /// <summary>접수 (accepted, nothing filled), 체결 (some or all filled), 취소 (nothing left and something cancelled).</summary>
    public string State => Remaining > 0 ? (Filled > 0 ? "체결" : "접수") : Cancelled > 0 ? "취소" : "체결";

    public long AverageFillPrice => Filled == 0 ? 0 : FilledAmount / Filled;

    public static string FormatNumber(long number) => number.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}

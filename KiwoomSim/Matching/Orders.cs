namespace Gslts.KiwoomSim.Matching;

public enum OrderSide
{
    Buy,
    Sell,
}

/// <summary>지정가 (trde_tp "0") and 시장가 (trde_tp "3").</summary>
public enum OrderType
{
    Limit,
    Market,
}

/// <summary>An order as it reaches the book; <paramref name="Price"/> is 0 for a market order.</summary>
public sealed record OrderRequest(long OrderId, string Account, OrderSide Side, OrderType Type, long Price, long Quantity);

/// <summary>One execution between a resting and an incoming order (or two auction orders) at one price.</summary>
public sealed record Fill(long BuyOrderId, long SellOrderId, string BuyAccount, string SellAccount, long Price, long Quantity, OrderSide Aggressor);

/// <summary>Why the book refused an order; the book is unchanged by a rejection.</summary>
public enum RejectReason
{
    None,
    OffTick,
    OutsideLimits,
    BadQuantity,
    MarketOrderWithPrice,
    LimitOrderWithoutPrice,
    UnknownOrder,
    DuplicateOrderId,
}

/// <summary>The outcome of submit, modify or cancel: accepted (with what is left resting) or rejected with a reason.</summary>
public sealed record OrderResult(RejectReason Reason, string Message, long Filled = 0, long Resting = 0, long Cancelled = 0)
{
    public bool Accepted => Reason == RejectReason.None;

    public static OrderResult Done(long filled, long resting, long cancelled = 0) => new(RejectReason.None, "", filled, resting, cancelled);

    public static OrderResult Reject(RejectReason reason, string message) => new(reason, message);
}

/// <summary>A price level of the book: price and total resting quantity.</summary>
public readonly record struct Level(long Price, long Quantity);

/// <summary>The best ten (or fewer) levels each side, best first, with each side's total.</summary>
public sealed record Depth(IReadOnlyList<Level> Asks, IReadOnlyList<Level> Bids, long TotalAsk, long TotalBid);

/// <summary>A call auction's single price and the volume it executes (0 when nothing crosses).</summary>
public readonly record struct AuctionPrice(long Price, long Volume);

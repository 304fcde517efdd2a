namespace Gslts.Grains.Interfaces.Accounts;

public enum OrderSide
{
    Buy,
    Sell,
}

public enum OrderState
{
    Open,
    PartiallyFilled,
    Filled,
    Cancelled,
}

/// <summary>A new order: <paramref name="Price"/> null is a market order (시장가).</summary>
[GenerateSerializer, Immutable]
public sealed record OrderRequest(
    [property: Id(0)] string Code,
    [property: Id(1)] OrderSide Side,
    [property: Id(2)] long Quantity,
    [property: Id(3)] long? Price);

/// <summary>
/// One order as the broker keeps it. A modification (정정) is a new order naming the one it came from; what it took
/// from that one counts there as cancelled.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BrokerOrder(
    [property: Id(0)] string OrderNo,
    [property: Id(1)] string? OriginalOrderNo,
    [property: Id(2)] string Code,
    [property: Id(3)] OrderSide Side,
    [property: Id(4)] long Quantity,
    [property: Id(5)] long Price,
    [property: Id(6)] long Filled,
    [property: Id(7)] long Remaining,
    [property: Id(8)] long AverageFillPrice)
{
    public long Cancelled => Quantity - Filled - Remaining;

    public OrderState State => Remaining > 0
        ? Filled > 0 ? OrderState.PartiallyFilled : OrderState.Open
        : Cancelled > 0 ? OrderState.Cancelled : OrderState.Filled;
}

/// <summary>Shares of one stock held.</summary>
[GenerateSerializer, Immutable]
public sealed record Holding(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] long Quantity,
    [property: Id(3)] long Sellable,
    [property: Id(4)] long AveragePrice);

/// <summary>예수금 and holdings as the broker reports them.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountBalance(
    [property: Id(0)] long Cash,
    [property: Id(1)] Holding[] Holdings);

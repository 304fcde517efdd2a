namespace Gslts.Grains.Interfaces.Stocks;

/// <summary>
/// One trade printed by the exchange (Kiwoom <c>0B</c> 주식체결), prices in whole won. A struct: the feed holds every
/// trade until its grain has stored it, and a struct there costs the garbage collector nothing to trace.
/// </summary>
/// <param name="Sequence">The bridge's journal number, in arrival order (for tracing; a trade's identity is its cumulative volume).</param>
/// <param name="Time">Exchange time of the trade, in KST (+09:00).</param>
/// <param name="Quantity">Shares traded; positive when the buyer took the offer, negative when the seller hit the bid.</param>
/// <param name="Change">Price minus the day's base price (전일대비), signed.</param>
/// <param name="DayOpen">The exchange's own day open, high and low at this trade (0 when unknown).</param>
/// <param name="CumulativeVolume">The day's volume through this trade (누적거래량): orders the day's trades and identifies each.</param>
[GenerateSerializer, Immutable]
public readonly record struct Tick(
    [property: Id(0)] string Code,
    [property: Id(1)] long Sequence,
    [property: Id(2)] DateTimeOffset Time,
    [property: Id(3)] long Price,
    [property: Id(4)] long Quantity,
    [property: Id(5)] long Change,
    [property: Id(6)] long DayOpen,
    [property: Id(7)] long DayHigh,
    [property: Id(8)] long DayLow,
    [property: Id(9)] long CumulativeVolume)
{
    public long BasePrice => Price - Change;
}

namespace Gslts.Grains.Interfaces.Stocks;

/// <summary>
/// The day's quarter lines (PRD): the high, the low plus 75%, 50% and 25% of the range, the low, and the open. Exact
/// values (a quarter of an odd range is not a whole won); the page draws them, orders round to a valid tick.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record QuarterLines(
    [property: Id(0)] decimal High,
    [property: Id(1)] decimal ThreeQuarters,
    [property: Id(2)] decimal Half,
    [property: Id(3)] decimal Quarter,
    [property: Id(4)] decimal Low,
    [property: Id(5)] decimal Open)
{
    public static QuarterLines From(long high, long low, long open)
    {
        var range = (decimal)(high - low);
        return new QuarterLines(high, low + range * 0.75m, low + range * 0.5m, low + range * 0.25m, low, open);
    }
}

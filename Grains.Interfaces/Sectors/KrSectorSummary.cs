namespace Gslts.Grains.Interfaces.Sectors;

/// <summary>A Korean sector's day so far, aggregated over its member stocks.</summary>
/// <param name="WeightedChangeRate">Members' change rates weighted by their trading value, percent, two decimals (a plain average while nothing traded).</param>
/// <param name="TotalTradingValue">The members' 거래대금 summed, in won.</param>
/// <param name="UpdatedAt">When the members were last reported; null before the first report.</param>
[GenerateSerializer, Immutable]
public sealed record KrSectorSummary(
    [property: Id(0)] string Name,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] decimal WeightedChangeRate,
    [property: Id(3)] long TotalTradingValue,
    [property: Id(4)] int Advancers,
    [property: Id(5)] int Decliners,
    [property: Id(6)] int Unchanged,
    [property: Id(7)] int MemberCount,
    [property: Id(8)] DateTimeOffset? UpdatedAt);

namespace Gslts.Grains.Interfaces.Sectors;

/// <summary>One stock of a Korean sector as the ranking sees it now.</summary>
/// <param name="ChangeRate">Change vs the base price in percent (1.25 = +1.25%).</param>
/// <param name="TradingValue">The day's 거래대금 in won.</param>
[GenerateSerializer, Immutable]
public sealed record SectorMember(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] long Price,
    [property: Id(3)] decimal ChangeRate,
    [property: Id(4)] long TradingValue);

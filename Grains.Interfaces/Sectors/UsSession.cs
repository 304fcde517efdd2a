namespace Gslts.Grains.Interfaces.Sectors;

/// <summary>A US session's close against the session before it.</summary>
/// <param name="Date">The session's date in New York.</param>
/// <param name="ChangeRate">Change vs the previous session's close in percent, two decimals (1.25 = +1.25%).</param>
[GenerateSerializer, Immutable]
public sealed record UsSession(
    [property: Id(0)] string Symbol,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] decimal Close,
    [property: Id(3)] DateOnly PreviousDate,
    [property: Id(4)] decimal PreviousClose,
    [property: Id(5)] decimal ChangeRate);

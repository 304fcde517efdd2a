namespace Gslts.Grains.Interfaces.Sectors;

/// <summary>One session's closing price (US ETFs: in dollars, on the exchange's own date).</summary>
[GenerateSerializer, Immutable]
public sealed record DailyClose(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] decimal Close);

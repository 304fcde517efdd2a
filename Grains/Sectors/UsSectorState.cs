using Gslts.Grains.Interfaces.Sectors;

namespace Gslts.Grains.Sectors;

/// <summary>A US ETF's daily closes, oldest first, one per date.</summary>
[GenerateSerializer]
public sealed record UsSectorState
{
    [Id(0)] public List<DailyClose> Closes { get; init; } = [];
}

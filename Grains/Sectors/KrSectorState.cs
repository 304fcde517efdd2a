using Gslts.Grains.Interfaces.Sectors;

namespace Gslts.Grains.Sectors;

/// <summary>A Korean sector's last report of its members: kept so the morning plan sees the previous session's members.</summary>
[GenerateSerializer]
public sealed record KrSectorState
{
    [Id(0)] public DateOnly Date { get; init; }
    [Id(1)] public IReadOnlyList<SectorMember> Members { get; init; } = [];
    [Id(2)] public DateTimeOffset? UpdatedAt { get; init; }
}

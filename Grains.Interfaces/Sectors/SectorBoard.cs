namespace Gslts.Grains.Interfaces.Sectors;

/// <summary>Every US sector's last session and every Korean sector's summary, in the sector map's order.</summary>
/// <param name="Market">SPY's last session; null until known.</param>
[GenerateSerializer, Immutable]
public sealed record SectorBoard(
    [property: Id(0)] UsSession? Market,
    [property: Id(1)] IReadOnlyList<UsSectorBoardRow> UsSectors,
    [property: Id(2)] IReadOnlyList<KrSectorSummary> KrSectors);

/// <summary>A US sector ETF of the map, its Korean sectors, and its last session (null until known).</summary>
[GenerateSerializer, Immutable]
public sealed record UsSectorBoardRow(
    [property: Id(0)] string Symbol,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> KoreanSectors,
    [property: Id(3)] UsSession? LastSession);

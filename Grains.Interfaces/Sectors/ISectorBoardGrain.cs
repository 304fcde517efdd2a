namespace Gslts.Grains.Interfaces.Sectors;

/// <summary>Reads the sector grains of the configured sector map into one board (stateless; any key, "KRX" by convention).</summary>
public interface ISectorBoardGrain : IGrainWithStringKey
{
    Task<SectorBoard> GetBoard();
}

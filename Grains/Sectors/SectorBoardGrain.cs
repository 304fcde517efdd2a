using Gslts.Grains.Interfaces.Sectors;
using Orleans.Concurrency;

namespace Gslts.Grains.Sectors;

/// <summary>Reads the configured map's US and Korean sector grains into one board. Stateless: one per silo as load asks.</summary>
[StatelessWorker]
public sealed class SectorBoardGrain(SectorMap map) : Grain, ISectorBoardGrain
{
    public async Task<SectorBoard> GetBoard()
    {
        var us = Task.WhenAll(map.Etfs.Select(e => GrainFactory.GetGrain<IUsSectorGrain>(e.Symbol).GetLastSession()));
        var market = GrainFactory.GetGrain<IUsSectorGrain>(map.MarketSymbol).GetLastSession();
        var kr = Task.WhenAll(map.KoreanSectors.Select(s => GrainFactory.GetGrain<IKrSectorGrain>(s).GetSummary()));
        var sessions = await us;
        var rows = map.Etfs.Select((e, i) => new UsSectorBoardRow(e.Symbol, e.Name, [.. e.Sectors.Select(s => s.Name)], sessions[i])).ToList();
        return new SectorBoard(await market, rows, await kr);
    }
}

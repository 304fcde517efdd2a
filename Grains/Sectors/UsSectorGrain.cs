using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Sectors;

namespace Gslts.Grains.Sectors;

/// <summary>One US ETF's daily closes, fed by the US market collector every morning.</summary>
public sealed class UsSectorGrain(
    [PersistentState("closes", StorageNames.Market)] IPersistentState<UsSectorState> closes) : Grain, IUsSectorGrain
{
    /// <summary>About ten years of sessions: enough for the signal's history, small enough to store as one row.</summary>
    public const int Keep = 2_600;

    private string Symbol => this.GetPrimaryKeyString();

    public async Task AddCloses(IReadOnlyList<DailyClose> incoming)
    {
        var merged = DailyCloses.Merge(closes.State.Closes, incoming, Keep);
        if (DailyCloses.Same(closes.State.Closes, merged)) return;
        closes.State = closes.State with { Closes = merged };
        await closes.WriteStateAsync();
    }

    public Task<UsSession?> GetLastSession() => Task.FromResult(DailyCloses.LastSession(Symbol, closes.State.Closes));

    public Task<IReadOnlyList<DailyClose>> GetHistory(DateOnly from, DateOnly to) =>
        Task.FromResult<IReadOnlyList<DailyClose>>(DailyCloses.Between(closes.State.Closes, from, to));
}

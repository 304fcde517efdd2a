using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Sectors;
using Microsoft.Extensions.Logging;

namespace Gslts.Grains.Sectors;

/// <summary>
/// One Korean sector, live: the ranking reports its members about once a second; the summary is computed when asked
/// and the members are written at most every <see cref="FlushInterval"/> (the write is a turn of its own: a report
/// waits for it, a few milliseconds every ten seconds, and two writes never overlap).
/// </summary>
public sealed class KrSectorGrain(
    [PersistentState("sector", StorageNames.Market)] IPersistentState<KrSectorState> sector,
    TimeProvider time,
    ILogger<KrSectorGrain> logger) : Grain, IKrSectorGrain
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(10);

    private KrSectorSummary? summary;
    private IReadOnlyList<SectorMember>? ranked;
    private bool dirty;

    private string Name => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushInterval, FlushInterval));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public Task Update(DateOnly date, IReadOnlyList<SectorMember> members)
    {
        if (date < sector.State.Date) return Task.CompletedTask;
        // Within a day members only come and change (a stock that traded stays a member): merged by code, newest figures win.
        var merged = date == sector.State.Date
            ? sector.State.Members.ExceptBy(members.Select(m => m.Code), m => m.Code, StringComparer.Ordinal).Concat(members).ToList()
            : [.. members];
        sector.State = new KrSectorState { Date = date, Members = merged, UpdatedAt = time.GetUtcNow() };
        (summary, ranked, dirty) = (null, null, true);
        return Task.CompletedTask;
    }

    public Task<KrSectorSummary> GetSummary() =>
        Task.FromResult(summary ??= SectorAggregate.Summarize(Name, sector.State.Date, sector.State.Members, sector.State.UpdatedAt));

    public Task<IReadOnlyList<SectorMember>> GetMembers() =>
        Task.FromResult(ranked ??= [.. sector.State.Members.OrderByDescending(m => m.TradingValue).ThenBy(m => m.Code, StringComparer.Ordinal)]);

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!dirty) return;
        dirty = false;
        try
        {
            await sector.WriteStateAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            dirty = true;
            logger.LogWarning(e, "Could not store the members of sector {Sector}; will retry", Name);
        }
    }
}

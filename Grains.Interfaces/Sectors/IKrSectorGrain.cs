namespace Gslts.Grains.Interfaces.Sectors;

/// <summary>One Korean sector of the sector map (e.g. "반도체"), keyed by its name, aggregating its member stocks live.</summary>
public interface IKrSectorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes the ranking's current view of the sector's members (about once a second): merged by code into the day's
    /// members, a new date starts afresh, an earlier date than the one held is ignored. Cheap: aggregated in memory, stored at most every few seconds.
    /// </summary>
    Task Update(DateOnly date, IReadOnlyList<SectorMember> members);

    Task<KrSectorSummary> GetSummary();

    /// <summary>The members last reported, highest trading value first (before the open: the previous session's).</summary>
    Task<IReadOnlyList<SectorMember>> GetMembers();
}

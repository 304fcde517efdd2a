namespace Gslts.Grains.Interfaces.Sectors;

/// <summary>One US ETF's daily closes, keyed by its symbol (XLK … XLC, SPY; see <see cref="UsSectorSymbols"/>).</summary>
public interface IUsSectorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Merges closes into the stored history (kept sorted by date, one close per date). A close for a date already
    /// stored replaces it: the newest answer of a source wins.
    /// </summary>
    Task AddCloses(IReadOnlyList<DailyClose> closes);

    /// <summary>The latest session against the one before it; null until two closes are known.</summary>
    Task<UsSession?> GetLastSession();

    /// <summary>The closes from <paramref name="from"/> through <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<DailyClose>> GetHistory(DateOnly from, DateOnly to);
}

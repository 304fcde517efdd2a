using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Stocks;

/// <summary>Merges daily bars: one per date (the newer answer wins), oldest first, the last <see cref="Kept"/> sessions.</summary>
public static class DailyHistory
{
    /// <summary>About a year of KRX sessions.</summary>
    public const int Kept = 250;

    public static DailyBar[] Merge(IEnumerable<DailyBar> held, IEnumerable<DailyBar> incoming)
    {
        var byDate = new SortedDictionary<DateOnly, DailyBar>();
        foreach (var bar in held) byDate[bar.Date] = bar;
        foreach (var bar in incoming.Where(b => b.Close > 0)) byDate[bar.Date] = bar;
        return [.. byDate.Values.Skip(Math.Max(0, byDate.Count - Kept))];
    }
}

namespace Gslts.KiwoomSim.Market;

/// <summary>KRX closing days as data. The defaults are 2026's announced closures (verify each year); configuration adds more.</summary>
public sealed class KrxCalendar(IEnumerable<DateOnly> holidays)
{
    public static IReadOnlyList<DateOnly> Closures2026 { get; } =
    [
        new(2026, 1, 1), new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 3, 2), new(2026, 5, 1),
        new(2026, 5, 5), new(2026, 5, 25), new(2026, 6, 3), new(2026, 8, 17), new(2026, 9, 24), new(2026, 9, 25),
        new(2026, 10, 5), new(2026, 10, 9), new(2026, 12, 25), new(2026, 12, 31),
    ];

    private readonly HashSet<DateOnly> closed = [.. holidays];

    public bool IsTradingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closed.Contains(date);
}

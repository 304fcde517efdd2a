using System.Globalization;

namespace Gslts.Krx;

/// <summary>
/// KRX trading days and their hours as data (krx-calendar.csv: closures and days with other hours, 2022–2026; 2022–2024
/// checked against the real daily bars, later years from KRX's announcements — verify each year). Outside the data a
/// weekday trades the regular session.
/// </summary>
public sealed class KrxCalendar
{
    private readonly HashSet<DateOnly> closed;
    private readonly Dictionary<DateOnly, KrxSessions> hours;

    public KrxCalendar(IEnumerable<DateOnly> closures, IReadOnlyDictionary<DateOnly, KrxSessions>? specialHours = null)
    {
        closed = [.. closures];
        hours = specialHours is null ? [] : new Dictionary<DateOnly, KrxSessions>(specialHours);
    }

    /// <summary>The calendar shipped with the product.</summary>
    public static KrxCalendar Default { get; } = Load();

    /// <summary>The last date the shipped data covers; later dates know only weekends.</summary>
    public static DateOnly KnownThrough { get; } = new(2026, 12, 31);

    public IReadOnlyCollection<DateOnly> Closures => closed;

    /// <summary>This calendar with more closing days (configuration, a newly announced holiday).</summary>
    public KrxCalendar WithClosures(IEnumerable<DateOnly> more) => new(closed.Concat(more), hours);

    public bool IsTradingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closed.Contains(date);

    /// <summary>The day's hours: the regular session unless the data says otherwise (10:00 opens, the CSAT day).</summary>
    public KrxSessions SessionsOn(DateOnly date) => hours.TryGetValue(date, out var special) ? special : KrxSessions.Regular;

    /// <summary>The first trading day after <paramref name="date"/>.</summary>
    public DateOnly NextTradingDay(DateOnly date) => AddTradingDays(date, 1);

    /// <summary>The last trading day before <paramref name="date"/>.</summary>
    public DateOnly PreviousTradingDay(DateOnly date) => AddTradingDays(date, -1);

    /// <summary><paramref name="days"/> trading days after (negative: before) <paramref name="date"/>.</summary>
    public DateOnly AddTradingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        var day = date;
        for (var left = Math.Abs(days); left > 0;)
        {
            day = day.AddDays(step);
            if (IsTradingDay(day)) left--;
        }

        return day;
    }

    private static KrxCalendar Load()
    {
        using var stream = typeof(KrxCalendar).Assembly.GetManifestResourceStream("Gslts.Krx.krx-calendar.csv")
            ?? throw new InvalidOperationException("The KRX calendar resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var closures = new List<DateOnly>();
        var special = new Dictionary<DateOnly, KrxSessions>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            var date = DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (f[1] == "closed")
            {
                closures.Add(date);
                continue;
            }

            var (open, close) = (TimeOnly.ParseExact(f[2], "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(f[3], "HH:mm", CultureInfo.InvariantCulture));
            special[date] = KrxSessions.Regular with { Open = open, ClosingAuction = close.AddMinutes(-10), Close = close };
        }

        return new KrxCalendar(closures, special);
    }
}

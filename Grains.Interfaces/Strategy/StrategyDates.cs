using System.Globalization;

namespace Gslts.Grains.Interfaces.Strategy;

/// <summary>The strategy grain's key: a KST trading date written "yyyy-MM-dd".</summary>
public static class StrategyDates
{
    public const string Format = "yyyy-MM-dd";

    public static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    public static string Key(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The KST date at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Kst).DateTime);
}

using System.Globalization;

namespace Gslts.TestSupport;

/// <summary>
/// The real market data beside the checkout (<c>shared/data</c>, found by walking up from the test binaries, or named by
/// the environment variable GSLTS_SHARED_DATA), read in place and never copied into the repository.
/// </summary>
public static class SharedData
{
    public const string Variable = "GSLTS_SHARED_DATA";

    public static string? Folder { get; } = Find();

    /// <summary>The full path of a file under the shared data, or null where there is none.</summary>
    public static string? File(string relative) => Folder is null ? null : Path.Combine(Folder, relative);

    /// <summary>The rows of a <c>date,open,high,low,close,volume</c> file, oldest first.</summary>
    public static IReadOnlyList<DailyRow> Daily(string relative) =>
        [.. System.IO.File.ReadLines(File(relative) ?? throw new InvalidOperationException("no shared/data folder")).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new DailyRow(
                DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal.Parse(f[1], CultureInfo.InvariantCulture), decimal.Parse(f[2], CultureInfo.InvariantCulture),
                decimal.Parse(f[3], CultureInfo.InvariantCulture), decimal.Parse(f[4], CultureInfo.InvariantCulture),
                f.Length > 5 && f[5].Length > 0 ? long.Parse(f[5].Split('.')[0], CultureInfo.InvariantCulture) : 0))];

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named && Directory.Exists(named)) return named;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }

        return null;
    }
}

/// <summary>One daily bar of a shared data file.</summary>
public readonly record struct DailyRow(DateOnly Date, decimal Open, decimal High, decimal Low, decimal Close, long Volume);

/// <summary>A test that reads the shared market data; skipped, saying why, where there is none.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Folder is null) Skip = $"No shared/data folder above the test binaries and no {SharedData.Variable}: the real market data sits beside the checkout.";
    }
}

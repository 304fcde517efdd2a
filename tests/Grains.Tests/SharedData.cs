using System.Globalization;
using Gslts.Grains.Interfaces.Sectors;

namespace Gslts.Grains.Tests;

/// <summary>
/// The real market data beside the checkout (<c>shared/data</c>, found by walking up from the test binaries, or named by
/// the environment variable GSLTS_SHARED_DATA), read in place and never copied into the repository.
/// </summary>
public static class SharedData
{
    public const string Variable = "GSLTS_SHARED_DATA";

    public static string? Folder { get; } = Find();

    /// <summary>Date and close of a <c>date,open,high,low,close,volume</c> file, oldest first.</summary>
    public static IReadOnlyList<DailyClose> Closes(string relative) =>
        [.. File.ReadLines(Path.Combine(Folder ?? throw new InvalidOperationException("no shared/data folder"), relative)).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new DailyClose(DateOnly.ParseExact(f[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), decimal.Parse(f[4], CultureInfo.InvariantCulture)))];

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

/// <summary>A test that reads the shared market data; skipped, saying why, where there is none.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Folder is null) Skip = $"No shared/data folder above the test binaries and no {SharedData.Variable}: the real market data sits beside the checkout.";
    }
}

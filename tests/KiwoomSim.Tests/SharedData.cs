namespace Gslts.KiwoomSim.Tests;

/// <summary>The real market data (../shared/data beside the checkout, or GSLTS_SHARED_DATA), read in place, never copied.</summary>
public static class SharedData
{
    public static string? Folder { get; } = Find();

    public static string? File(string relative) => Folder is null ? null : Path.Combine(Folder, relative);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("GSLTS_SHARED_DATA") is { Length: > 0 } named && Directory.Exists(named)) return named;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }

        return null;
    }
}

/// <summary>A test that reads ../shared/data; skipped, saying so, where the checkout has no shared/ beside it.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Folder is null) Skip = "No shared/data folder above the test binaries (it sits beside the checkout in CI).";
    }
}

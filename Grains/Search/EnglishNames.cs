namespace Gslts.Grains.Search;

/// <summary>
/// English names of well-known listings. Kiwoom's stock list (ka10099) carries none, so they are a small table kept
/// with the code (Search/english-names.csv: code,english); a stock not in it is found by its code and Korean name.
/// </summary>
public static class EnglishNames
{
    public static IReadOnlyDictionary<string, string> All { get; } = Load();

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(EnglishNames).Assembly.GetManifestResourceStream("Gslts.Grains.Search.english-names.csv")
            ?? throw new InvalidOperationException("english-names.csv is not embedded in Gslts.Grains");
        using var reader = new StreamReader(stream);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var comma = line.IndexOf(',');
            if (comma == 6) names[line[..comma]] = line[(comma + 1)..].Trim();
        }

        return names;
    }
}

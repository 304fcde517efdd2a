using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Krx;
using Microsoft.Extensions.Options;

namespace Gslts.Grains.Sectors;

/// <summary>
/// Bound from <c>Gslts:SectorMap</c>. Empty (the default) means the embedded map (sector-map.json, from the design's
/// sector map); when it names any ETF, it replaces that map as a whole.
/// </summary>
/// <example>
/// <c>Gslts:SectorMap:Etfs:XLK:Sectors:0:Name=반도체</c>, <c>Gslts:SectorMap:Etfs:XLK:Sectors:0:Codes:0=005930</c>.
/// </example>
public sealed class SectorMapOptions
{
    public const string Section = "Gslts:SectorMap";

    /// <summary>By US sector ETF symbol (XLK … XLC).</summary>
    public Dictionary<string, SectorMapEtfOptions> Etfs { get; set; } = [];

    /// <summary>
    /// What is wrong with the map, one sentence per problem naming its configuration key under <paramref name="prefix"/>;
    /// empty when it is valid.
    /// </summary>
    public IReadOnlyList<string> Problems(string prefix = Section)
    {
        var problems = new List<string>();
        if (Etfs.Count == 0) problems.Add($"{prefix}:Etfs names no US sector ETF.");
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, etf) in Etfs)
        {
            var at = $"{prefix}:Etfs:{key}";
            var symbol = key.Trim().ToUpperInvariant();
            if (!UsSectorSymbols.SectorEtfs.ContainsKey(symbol))
            {
                problems.Add($"{at}: '{key}' is not a US sector ETF the product follows ({string.Join(", ", UsSectorSymbols.SectorEtfs.Keys)}).");
                continue;
            }

            if (!symbols.Add(symbol)) problems.Add($"{at}: {symbol} is mapped twice.");
            if (etf.Sectors.Count == 0) problems.Add($"{at}:Sectors is empty: name at least one Korean sector.");
            for (var i = 0; i < etf.Sectors.Count; i++)
            {
                var sector = etf.Sectors[i];
                var name = sector.Name?.Trim();
                if (string.IsNullOrEmpty(name))
                {
                    problems.Add($"{at}:Sectors:{i}:Name is empty: every Korean sector needs a name.");
                }
                else if (!owners.TryAdd(name, symbol))
                {
                    problems.Add($"{at}:Sectors:{i}:Name '{name}' is already mapped to {owners[name]}: a Korean sector follows one US sector.");
                }

                for (var c = 0; c < sector.Codes.Count; c++)
                {
                    if (!StockCode.IsValid(sector.Codes[c]?.Trim()))
                    {
                        problems.Add($"{at}:Sectors:{i}:Codes:{c} '{sector.Codes[c]}' is not a stock code ({StockCode.Format}).");
                    }
                }
            }
        }

        return problems;
    }
}

public sealed class SectorMapEtfOptions
{
    /// <summary>The US sector's name; defaults to the ETF's sector (e.g. Technology).</summary>
    public string? Name { get; set; }

    public List<SectorMapSectorOptions> Sectors { get; set; } = [];
}

/// <summary>A Korean sector and the stocks named as its members (stocks whose broker sector has its name join too).</summary>
public sealed class SectorMapSectorOptions
{
    public string? Name { get; set; }

    public List<string> Codes { get; set; } = [];
}

/// <summary>Checks a configured map at start; an empty section (the embedded map) is valid.</summary>
internal sealed class SectorMapOptionsValidator : IValidateOptions<SectorMapOptions>
{
    public ValidateOptionsResult Validate(string? name, SectorMapOptions options) =>
        options.Etfs.Count == 0 || options.Problems() is not { Count: > 0 } problems
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems);
}

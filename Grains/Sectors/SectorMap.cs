using System.Text.Json;
using Gslts.Grains.Interfaces.Sectors;

namespace Gslts.Grains.Sectors;

/// <summary>
/// Which Korean sectors follow which US sector ETF, and which stocks belong to a Korean sector: those the map names
/// by code, and those whose broker sector (<c>StockListing.Sector</c>, e.g. "반도체") is the Korean sector's name.
/// Data, not code: the embedded default or <c>Gslts:SectorMap</c>. Pure: no Orleans, no I/O once built.
/// </summary>
public sealed class SectorMap
{
    private const string DefaultResource = "Gslts.Grains.Sectors.sector-map.json";

    private readonly Dictionary<string, KoreanSector> sectors;
    private readonly Dictionary<string, SectorMapEtf> etfs;
    private readonly Dictionary<string, string[]> sectorsByCode;

    private SectorMap(IReadOnlyList<SectorMapEtf> etfList)
    {
        Etfs = etfList;
        etfs = etfList.ToDictionary(e => e.Symbol, StringComparer.Ordinal);
        sectors = etfList.SelectMany(e => e.Sectors).ToDictionary(s => s.Name, StringComparer.Ordinal);
        KoreanSectors = [.. etfList.SelectMany(e => e.Sectors).Select(s => s.Name)];
        sectorsByCode = etfList.SelectMany(e => e.Sectors).SelectMany(s => s.Codes.Select(code => (code, s.Name)))
            .GroupBy(p => p.code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Name).Distinct().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The design's map (DESIGN.md, "Sector map"), embedded as sector-map.json.</summary>
    public static SectorMap Default { get; } = From(LoadDefault(), "sector-map.json");

    /// <summary>The mapped US sector ETFs in the map's order.</summary>
    public IReadOnlyList<SectorMapEtf> Etfs { get; }

    /// <summary>Every Korean sector name of the map, in the map's order.</summary>
    public IReadOnlyList<string> KoreanSectors { get; }

    /// <summary>SPY: the market, followed beside the sector ETFs.</summary>
    public string MarketSymbol => UsSectorSymbols.Market;

    public SectorMapEtf? Etf(string symbol) => etfs.GetValueOrDefault(symbol);

    public KoreanSector? Sector(string name) => sectors.GetValueOrDefault(name);

    /// <summary>
    /// The Korean sectors a stock belongs to: the ones naming its code, and the one named like its broker sector.
    /// Usually one; empty for a stock the map does not cover.
    /// </summary>
    public IReadOnlyList<string> SectorsOf(string code, string? brokerSector)
    {
        var byCode = sectorsByCode.GetValueOrDefault(code) ?? [];
        var byName = brokerSector?.Trim() is { Length: > 0 } name && sectors.ContainsKey(name) ? name : null;
        if (byName is null || byCode.Contains(byName, StringComparer.Ordinal)) return byCode;
        return [.. byCode, byName];
    }

    /// <summary>Builds a map from options; throws <see cref="SectorMapException"/> naming every bad key under <paramref name="prefix"/>.</summary>
    public static SectorMap From(SectorMapOptions options, string prefix = SectorMapOptions.Section)
    {
        var problems = options.Problems(prefix);
        if (problems.Count > 0) throw new SectorMapException(string.Join(" ", problems));
        return new SectorMap([.. options.Etfs.Select(pair =>
        {
            var symbol = pair.Key.Trim().ToUpperInvariant();
            var name = string.IsNullOrWhiteSpace(pair.Value.Name) ? UsSectorSymbols.SectorEtfs[symbol] : pair.Value.Name.Trim();
            var koreanSectors = pair.Value.Sectors
                .Select(s => new KoreanSector(s.Name!.Trim(), symbol, [.. s.Codes.Select(c => c.Trim()).Distinct(StringComparer.Ordinal)]))
                .ToArray();
            return new SectorMapEtf(symbol, name, koreanSectors);
        })]);
    }

    /// <summary>The configured map when the options name any ETF, otherwise <see cref="Default"/>.</summary>
    public static SectorMap FromOptionsOrDefault(SectorMapOptions options) => options.Etfs.Count == 0 ? Default : From(options);

    private static SectorMapOptions LoadDefault()
    {
        using var stream = typeof(SectorMap).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The embedded sector map {DefaultResource} is missing from the build.");
        return JsonSerializer.Deserialize<SectorMapOptions>(stream)
            ?? throw new InvalidOperationException($"The embedded sector map {DefaultResource} is empty.");
    }
}

/// <summary>A US sector ETF of the map and the Korean sectors that follow it.</summary>
public sealed record SectorMapEtf(string Symbol, string Name, IReadOnlyList<KoreanSector> Sectors);

/// <summary>A Korean sector, the US ETF it follows, and the stocks the map names as its members.</summary>
public sealed record KoreanSector(string Name, string Symbol, IReadOnlyList<string> Codes);

/// <summary>The sector map given is not usable; the message names each offending key.</summary>
public sealed class SectorMapException(string message) : Exception(message);

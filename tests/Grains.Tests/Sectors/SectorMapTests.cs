using Gslts.Grains.Sectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gslts.Grains.Tests.Sectors;

public sealed class SectorMapTests
{
    [Fact]
    public void The_default_map_is_the_designs_sector_map()
    {
        // DESIGN.md, "Sector map": US ETF → Korean sectors (member codes).
        var design = new Dictionary<string, (string[] Sectors, string[] Codes)>
        {
            ["XLK"] = (["IT", "반도체"], ["005930", "000660", "035420"]),
            ["XLF"] = (["금융"], ["105560", "055550"]),
            ["XLE"] = (["에너지", "정유"], ["096770", "010950"]),
            ["XLV"] = (["제약", "바이오"], ["207940", "068270"]),
            ["XLI"] = (["산업재"], ["329180", "000150"]),
            ["XLP"] = (["필수소비재"], ["097950", "271560"]),
            ["XLY"] = (["자동차", "유통"], ["005380", "023530"]),
            ["XLU"] = (["유틸리티"], ["015760", "036460"]),
            ["XLB"] = (["화학", "소재"], ["051910", "003670"]),
            ["XLRE"] = (["부동산"], ["330590", "293940"]),
            ["XLC"] = (["통신"], ["017670", "030200"]),
        };
        var map = SectorMap.Default;

        Assert.Equal(design.Keys.Order(), map.Etfs.Select(e => e.Symbol).Order());
        foreach (var etf in map.Etfs)
        {
            Assert.Equal(design[etf.Symbol].Sectors, etf.Sectors.Select(s => s.Name));
            Assert.Equal(design[etf.Symbol].Codes.Order(), etf.Sectors.SelectMany(s => s.Codes).Order());
            Assert.All(etf.Sectors, s => Assert.Equal(etf.Symbol, s.Symbol));
        }

        Assert.Equal(design.Values.SelectMany(v => v.Sectors).Order(), map.KoreanSectors.Order());
        Assert.Equal("Technology", map.Etf("XLK")!.Name);
        Assert.Equal("SPY", map.MarketSymbol);
    }

    [Fact]
    public void A_stock_belongs_to_the_sector_naming_its_code_or_to_the_one_named_like_its_broker_sector()
    {
        var map = SectorMap.Default;

        Assert.Equal(["반도체"], map.SectorsOf("005930", "전기전자"));
        Assert.Equal(["반도체"], map.SectorsOf("005930", "반도체"));
        Assert.Equal(["바이오"], map.SectorsOf("950001", " 바이오 "));
        Assert.Equal(["금융", "IT"], map.SectorsOf("105560", "IT"));
        Assert.Empty(map.SectorsOf("950002", "기타"));
        Assert.Empty(map.SectorsOf("950003", null));
    }

    [Fact]
    public void A_configured_map_replaces_the_default_as_a_whole()
    {
        var map = Build(new()
        {
            ["Gslts:SectorMap:Etfs:XLK:Name"] = "Tech",
            ["Gslts:SectorMap:Etfs:XLK:Sectors:0:Name"] = "반도체",
            ["Gslts:SectorMap:Etfs:XLK:Sectors:0:Codes:0"] = "005930",
            ["Gslts:SectorMap:Etfs:XLK:Sectors:1:Name"] = "소프트웨어",
            ["Gslts:SectorMap:Etfs:XLE:Sectors:0:Name"] = "정유",
        }).GetRequiredService<SectorMap>();

        Assert.Equal(["XLE", "XLK"], map.Etfs.Select(e => e.Symbol).Order());
        Assert.Equal(("Tech", "Energy"), (map.Etf("XLK")!.Name, map.Etf("XLE")!.Name));
        Assert.Equal(new[] { "정유", "반도체", "소프트웨어" }.Order(StringComparer.Ordinal), map.KoreanSectors.Order(StringComparer.Ordinal));
        Assert.Empty(map.Sector("소프트웨어")!.Codes);
        Assert.Null(map.Sector("금융"));
        Assert.Equal(["소프트웨어"], map.SectorsOf("900100", "소프트웨어"));
    }

    [Fact]
    public void Without_configuration_the_embedded_map_is_used()
    {
        Assert.Same(SectorMap.Default, Build([]).GetRequiredService<SectorMap>());
    }

    [Theory]
    [InlineData("Gslts:SectorMap:Etfs:XLZ:Sectors:0:Name", "반도체", "Gslts:SectorMap:Etfs:XLZ: 'XLZ' is not a US sector ETF")]
    [InlineData("Gslts:SectorMap:Etfs:XLV:Name", "Healthcare", "Gslts:SectorMap:Etfs:XLV:Sectors is empty")]
    [InlineData("Gslts:SectorMap:Etfs:XLK:Sectors:0:Codes:0", "005930", "Gslts:SectorMap:Etfs:XLK:Sectors:0:Name is empty")]
    [InlineData("Gslts:SectorMap:Etfs:XLF:Sectors:0:Name", "IT", "Name 'IT' is already mapped to X")]
    public void A_bad_configured_map_stops_the_start_naming_the_key(string key, string value, string expected)
    {
        var services = Build(new()
        {
            ["Gslts:SectorMap:Etfs:XLK:Sectors:1:Name"] = "IT",
            [key] = value,
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(failure.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_code_is_named_by_its_key()
    {
        var services = Build(new()
        {
            ["Gslts:SectorMap:Etfs:XLK:Sectors:0:Name"] = "반도체",
            ["Gslts:SectorMap:Etfs:XLK:Sectors:0:Codes:0"] = "005930",
            ["Gslts:SectorMap:Etfs:XLK:Sectors:0:Codes:1"] = "5930",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<SectorMap>());

        Assert.Equal(["Gslts:SectorMap:Etfs:XLK:Sectors:0:Codes:1 '5930' is not a stock code (6 characters, digits or capital letters, like 005930)."], failure.Failures);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSectorMap(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}

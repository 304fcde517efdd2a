using Gslts.KiwoomSim.Market;

namespace Gslts.KiwoomSim.Tests;

public sealed class MarketUniverseTests
{
    private static readonly HashSet<string> MappedSectors =
        ["IT", "반도체", "금융", "에너지", "정유", "제약", "바이오", "산업재", "필수소비재", "자동차", "유통", "유틸리티", "화학", "소재", "부동산", "통신"];

    [Fact]
    public void The_market_has_2500_distinct_valid_listings_about_a_third_on_KOSPI()
    {
        var market = MarketUniverse.Create(seed: 1);

        Assert.Equal(2_500, market.Count);
        Assert.Equal(market.Count, market.Select(l => l.Code).Distinct().Count());
        Assert.Equal(market.Count, market.Select(l => l.Name).Distinct().Count());
        Assert.All(market, l =>
        {
            Assert.True(StockCode.IsValid(l.Code), l.Code);
            Assert.True(TickSize.IsValid(l.PreviousClose), $"{l.Code} {l.PreviousClose}");
            Assert.Contains(l.Sector, MappedSectors);
            Assert.Contains(l.Market, new[] { "KOSPI", "KOSDAQ" });
            Assert.True(l.Liquidity > 0);
        });
        Assert.InRange(market.Count(l => l.Market == "KOSPI") / (double)market.Count, 0.28, 0.42);
    }

    [Fact]
    public void The_same_seed_lists_the_same_market_and_the_large_caps_come_first()
    {
        Assert.Equal(MarketUniverse.Create(seed: 9), MarketUniverse.Create(seed: 9));
        Assert.NotEqual(MarketUniverse.Create(seed: 9), MarketUniverse.Create(seed: 10));
        Assert.Equal(MarketUniverse.LargeCaps, MarketUniverse.Create(seed: 9).Take(MarketUniverse.LargeCaps.Count));
        Assert.True(MarketUniverse.LargeCaps.Count >= 100);
    }

    [Fact]
    public void A_few_names_dominate_trading_value_as_on_KRX()
    {
        var market = new SimMarket(MarketUniverse.Create(seed: 2), seed: 2);
        market.Generate(200_000, new TimeOnly(9, 0));

        var values = market.Stats().Stocks.Values.Select(s => (double)s.TradingValue).OrderDescending().ToList();
        var topTenShare = values.Take(10).Sum() / values.Sum();

        Assert.InRange(topTenShare, 0.25, 0.75);
        Assert.True(values.Count(v => v > 0) > 1_500, "most listings trade at least once");
    }

    [SharedDataFact]
    public void The_real_large_caps_match_the_KRX_listing_by_code_name_and_market()
    {
        var krx = File.ReadLines(SharedData.File("kr/listing.csv")!).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(f => f[0], f => (Name: f[1], Market: f[2]));

        Assert.All(MarketUniverse.LargeCaps, l =>
        {
            Assert.True(krx.TryGetValue(l.Code, out var real), $"{l.Code} {l.Name} is not listed on KRX");
            Assert.Equal(real.Name, l.Name);
            Assert.StartsWith(l.Market, real.Market);
        });
    }
}

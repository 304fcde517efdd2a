using Gslts.Grains.Interfaces.Search;
using Gslts.Grains.Interfaces.Stocks;

namespace Gslts.Grains.Tests.Search;

[Collection(ClusterCollection.Name)]
public sealed class StockDirectoryGrainTests(ClusterFixture fixture)
{
    private static readonly StockListing[] Listings =
    [
        new("005930", "삼성전자", "KOSPI", "반도체", 71_000),
        new("009150", "삼성전기", "KOSPI", "전자부품", 150_000),
        new("000660", "SK하이닉스", "KOSPI", "반도체", 200_000),
    ];

    [Fact]
    public async Task The_stock_master_is_searchable_by_choseong_ordered_by_trading_value_and_kept_across_a_reactivation()
    {
        // A directory of its own: the market's one is loaded by other tests' stock masters.
        var directory = fixture.Grains.GetGrain<IStockDirectoryGrain>("directory-test");
        await directory.SetListings(Listings);

        Assert.Equal(["005930", "009150"], (await directory.Search("ㅅㅅㅈ", 10)).Select(h => h.Code));
        await directory.ReportTradingValues(new Dictionary<string, long> { ["009150"] = 5_000, ["005930"] = 1_000 });
        var hits = await directory.Search("ㅅㅅㅈ", 10);
        Assert.Equal([("009150", 5_000L), ("005930", 1_000L)], hits.Select(h => (h.Code, h.TradingValue)));
        Assert.Equal("Samsung Electronics", hits[1].EnglishName);

        await Reactivation.Force(fixture);
        var again = await directory.Search("sk hynix", 10);
        for (var deadline = DateTime.UtcNow.AddSeconds(10); again.Count == 0 && DateTime.UtcNow < deadline; again = await directory.Search("sk hynix", 10)) await Task.Delay(50);

        Assert.Equal([("000660", SearchMatch.EnglishPrefix)], again.Select(h => (h.Code, h.Match)));
    }

    [Fact]
    public async Task Its_codes_are_none_until_a_stock_master_is_loaded_then_the_master_s_as_it_changes()
    {
        var directory = fixture.Grains.GetGrain<IStockDirectoryGrain>("codes-test");

        Assert.Empty(await directory.GetCodes());
        await directory.SetListings(Listings);
        Assert.Equal(["005930", "009150", "000660"], await directory.GetCodes());
        await directory.SetListings(Listings[..1]);
        Assert.Equal(["005930"], await directory.GetCodes());
    }
}

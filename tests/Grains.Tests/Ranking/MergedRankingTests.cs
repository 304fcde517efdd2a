using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Ranking;
using Gslts.Grains.Sectors;

namespace Gslts.Grains.Tests.Ranking;

/// <summary>The ranking merged from the live reports of collected stocks and the exchange's own ranking of the whole market.</summary>
public sealed class MergedRankingTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private const long Million = 1_000_000;

    private static DateTimeOffset At(int h, int m, DateOnly? date = null) => new((date ?? Monday).ToDateTime(new TimeOnly(h, m)), Kst);

    private static StockTrading Live(string code, long value, DateTimeOffset at, string? name = null, string? market = "KOSPI", string? sector = "반도체") =>
        new(code, Monday, name ?? $"live {code}", market, sector, 10_000, 1.5m, value / 10_000, value, at);

    private static ExchangeRow Row(string code, long value, string? market = "KOSPI", string? sector = "반도체", string? name = null) =>
        new(code, name ?? $"exchange {code}", market, sector, 20_000, -0.5m, value / 20_000, value);

    private static ExchangeRanking Exchange(DateTimeOffset asOf, params ExchangeRow[] rows) => new(asOf, rows);

    [Fact]
    public void Exchange_ranking_orders_stocks_the_feed_does_not_collect()
    {
        var table = new MarketRanking();
        table.Take([Live("000001", 300 * Million, At(9, 30)), Live("000002", 100 * Million, At(9, 29))]);

        table.TakeExchange(Exchange(At(9, 31), Row("900001", 900 * Million), Row("000001", 300 * Million), Row("900002", 200 * Million),
            Row("000002", 100 * Million)));

        var top = table.Top(IRankingGrain.All, 10);
        Assert.Equal(["900001", "000001", "900002", "000002"], top.Stocks.Select(s => s.Code));
        Assert.Equal([false, true, false, true], top.Stocks.Select(s => s.Live));
        Assert.Equal([At(9, 31), At(9, 30), At(9, 31), At(9, 29)], top.Stocks.Select(s => s.AsOf));
        Assert.Equal([1, 2, 3, 4], top.Stocks.Select(s => s.Rank));
        Assert.Equal((At(9, 31), At(9, 31), 4), (top.ExchangeAsOf, top.AsOf, top.StocksTraded));
    }

    [Fact]
    public void A_collected_stock_keeps_its_exact_live_figures_over_a_newer_exchange_row_truncated_to_the_million()
    {
        var table = new MarketRanking();
        table.Take([Live("005930", 5_000_400_000, At(9, 5))]);

        // The stock has not traded since 09:05: the exchange's 09:10 row says the same day, to the million.
        table.TakeExchange(Exchange(At(9, 10), Row("005930", 5_000 * Million)));

        var row = table.Top(IRankingGrain.All, 1).Stocks.Single();
        Assert.Equal((5_000_400_000L, true, At(9, 5), "live 005930"), (row.TradingValue, row.Live, row.AsOf, row.Name));
        Assert.Equal(At(9, 10), table.Top(IRankingGrain.All, 1).ExchangeAsOf);
    }

    [Fact]
    public void An_exchange_row_that_has_seen_more_of_the_day_replaces_a_lagging_live_report_until_the_feed_catches_up()
    {
        var table = new MarketRanking();
        table.Take([Live("005930", 1_000 * Million, At(9, 5))]);

        table.TakeExchange(Exchange(At(9, 10), Row("005930", 2_000 * Million)));
        var fromExchange = table.Top(IRankingGrain.All, 1).Stocks.Single();
        // A live report the feed had queued from before: it is behind what the exchange has seen.
        table.Take([Live("005930", 1_500 * Million, At(9, 8))]);
        var stillExchange = table.Top(IRankingGrain.All, 1).Stocks.Single();
        table.Take([Live("005930", 2_000_300_000, At(9, 11))]);
        var refined = table.Top(IRankingGrain.All, 1).Stocks.Single();

        Assert.Equal((2_000 * Million, false, At(9, 10)), (fromExchange.TradingValue, fromExchange.Live, fromExchange.AsOf));
        Assert.Equal(fromExchange, stillExchange);
        Assert.Equal((2_000_300_000L, true, At(9, 11)), (refined.TradingValue, refined.Live, refined.AsOf));
    }

    [Fact]
    public void At_an_equal_trading_value_the_live_figures_win_whichever_came_first()
    {
        var table = new MarketRanking();
        table.TakeExchange(Exchange(At(9, 10), Row("000001", 700 * Million), Row("000002", 800 * Million)));
        table.Take([Live("000001", 700 * Million, At(9, 9)), Live("000002", 800 * Million, At(9, 9))]);
        table.TakeExchange(Exchange(At(9, 11), Row("000001", 700 * Million), Row("000002", 800 * Million)));

        Assert.All(table.Top(IRankingGrain.All, 10).Stocks, s => Assert.True(s.Live, s.Code));
        Assert.Equal(At(9, 11), table.ExchangeAsOf);
    }

    [Fact]
    public void A_newer_exchange_ranking_moves_rows_the_feed_does_not_collect_and_keeps_stocks_it_no_longer_lists()
    {
        var table = new MarketRanking();
        table.TakeExchange(Exchange(At(9, 10), Row("900001", 500 * Million), Row("900002", 400 * Million), Row("900003", 100 * Million)));

        // Five minutes on, 900003 fell out of the rows taken (only the top two); its last figures stay.
        table.TakeExchange(Exchange(At(9, 15), Row("900002", 900 * Million), Row("900001", 600 * Million)));

        var top = table.Top(IRankingGrain.All, 10);
        Assert.Equal([("900002", 900 * Million), ("900001", 600 * Million), ("900003", 100 * Million)], top.Stocks.Select(s => (s.Code, s.TradingValue)));
        Assert.Equal([At(9, 15), At(9, 15), At(9, 10)], top.Stocks.Select(s => s.AsOf));
    }

    [Fact]
    public void Markets_and_sectors_rank_exchange_rows_by_their_listing_and_the_sector_map()
    {
        var table = new MarketRanking(SectorMap.Default.SectorsOf);
        table.Take([Live("000660", 800 * Million, At(9, 30), sector: "전기전자")]);
        table.TakeExchange(Exchange(At(9, 31),
            Row("005930", 900 * Million, "KOSPI", "전기전자"),
            Row("900001", 700 * Million, "KOSDAQ", "반도체"),
            Row("900002", 600 * Million, "KOSDAQ", "바이오"),
            Row("900003", 500 * Million, market: null, sector: null)));

        // 005930 and 000660 are 반도체 by the map's codes; 900001 by its broker sector's name.
        Assert.Equal(["005930", "000660", "900001"], table.Top("반도체", 10).Stocks.Select(s => s.Code));
        Assert.Equal(["900002"], table.Top("바이오", 10).Stocks.Select(s => s.Code));
        Assert.Equal(["900001", "900002"], table.Top("KOSDAQ", 10).Stocks.Select(s => s.Code));
        Assert.Equal(["005930", "000660"], table.Top("KOSPI", 10).Stocks.Select(s => s.Code));
        // A row whose listing was not known ranks only market-wide.
        Assert.Equal(5, table.Top(IRankingGrain.All, 10).StocksTraded);
        Assert.Equal(["000660", "005930", "900001"], table.BySector()["반도체"].Select(s => s.Code).Order());
    }

    [Fact]
    public void What_one_source_leaves_out_is_kept_from_the_other()
    {
        var table = new MarketRanking();
        table.TakeExchange(Exchange(At(9, 10), Row("900001", 100 * Million, "KOSDAQ", "바이오", name: "바이오주")));

        // The stock grain reports before it has its listing: no name, no market, no sector.
        table.Take([new StockTrading("900001", Monday, null, null, null, 20_500, 2.5m, 6_000, 123 * Million, At(9, 12))]);

        var row = table.Top("KOSDAQ", 1).Stocks.Single();
        Assert.Equal(("바이오주", "KOSDAQ", "바이오", true, 123 * Million), (row.Name, row.Market, row.Sector, row.Live, row.TradingValue));
    }

    [Fact]
    public void An_exchange_ranking_of_an_earlier_day_is_ignored_and_one_of_a_later_day_starts_the_day_afresh()
    {
        var table = new MarketRanking();
        table.Take([Live("000001", 300 * Million, At(9, 30))]);

        table.TakeExchange(Exchange(At(15, 30, Monday.AddDays(-3)), Row("900001", 900 * Million)));
        Assert.Equal(["000001"], table.Top(IRankingGrain.All, 10).Stocks.Select(s => s.Code));
        Assert.Null(table.ExchangeAsOf);

        table.TakeExchange(Exchange(At(9, 1, Monday.AddDays(1)), Row("900002", 5 * Million)));
        var top = table.Top(IRankingGrain.All, 10);
        Assert.Equal(Monday.AddDays(1), top.TradingDate);
        Assert.Equal(["900002"], top.Stocks.Select(s => s.Code));
        table.Take([Live("000001", 900 * Million, At(9, 31))]);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void The_top_of_each_scope_equals_each_scopes_own_top_list()
    {
        var table = new MarketRanking(SectorMap.Default.SectorsOf);
        table.Take([Live("000001", 300 * Million, At(9, 30), market: "KOSDAQ", sector: "IT"), Live("000002", 200 * Million, At(9, 30))]);
        table.TakeExchange(Exchange(At(9, 31), Row("900001", 900 * Million, "KOSDAQ", "반도체"), Row("900002", 50 * Million, "KOSPI", "IT")));
        string[] scopes = [IRankingGrain.All, "KOSPI", "KOSDAQ", .. SectorMap.Default.KoreanSectors];

        var each = table.TopOfEach(scopes, 2);

        Assert.Equal(scopes.Order(), each.Keys.Order());
        Assert.All(scopes, scope =>
        {
            var alone = table.Top(scope, 2);
            Assert.Equal((alone.StocksTraded, alone.ExchangeAsOf), (each[scope].StocksTraded, each[scope].ExchangeAsOf));
            Assert.Equal(alone.Stocks, each[scope].Stocks);
        });
        Assert.Equal(["900001", "000001"], each["KOSDAQ"].Stocks.Select(s => s.Code));
        Assert.Equal(["000001", "900002"], each["IT"].Stocks.Select(s => s.Code));
    }
}

using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Ranking;

namespace Gslts.Grains.Tests.Ranking;

public sealed class MarketRankingTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateTimeOffset Nine = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(9));

    private static StockTrading Stock(string code, long value, string market = "KOSPI", string sector = "반도체", DateOnly? date = null, int second = 0) =>
        new(code, date ?? Monday, $"name {code}", market, sector, 10_000, 1.5m, value / 10_000, value, Nine.AddSeconds(second));

    [Fact]
    public void The_top_list_orders_stocks_by_trading_value_and_numbers_them_from_one()
    {
        var table = new MarketRanking();
        table.Take([Stock("000001", 300), Stock("000002", 900), Stock("000003", 600)]);

        var top = table.Top(IRankingGrain.All, 2);

        Assert.Equal(["000002", "000003"], top.Stocks.Select(s => s.Code));
        Assert.Equal([1, 2], top.Stocks.Select(s => s.Rank));
        Assert.Equal(3, top.StocksTraded);
    }

    [Fact]
    public void A_market_or_a_sector_ranks_only_its_own_stocks()
    {
        var table = new MarketRanking();
        table.Take([Stock("000001", 300, "KOSPI", "반도체"), Stock("000002", 900, "KOSDAQ", "바이오"), Stock("000003", 600, "KOSDAQ", "반도체")]);

        Assert.Equal(["000002", "000003"], table.Top("KOSDAQ", 10).Stocks.Select(s => s.Code));
        Assert.Equal(["000003", "000001"], table.Top("반도체", 10).Stocks.Select(s => s.Code));
        Assert.Empty(table.Top("없는업종", 10).Stocks);
    }

    [Fact]
    public void A_late_older_report_is_ignored_and_a_new_trading_day_starts_a_new_table()
    {
        var table = new MarketRanking();
        table.Take([Stock("000001", 500, second: 2)]);
        table.Take([Stock("000001", 400, second: 1)]);

        Assert.Equal(500, table.Top(IRankingGrain.All, 1).Stocks[0].TradingValue);
        Assert.Equal(Nine.AddSeconds(2), table.AsOf);

        table.Take([Stock("000002", 10, date: Monday.AddDays(1))]);
        Assert.Equal((Monday.AddDays(1), 1), (table.TradingDate, table.Count));
        table.Take([Stock("000001", 900)]);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Ten_minute_snapshots_fall_due_at_each_mark_of_the_session_once()
    {
        var kst = TimeSpan.FromHours(9);
        DateTimeOffset At(int h, int m, int s = 0) => new(2026, 11, 23, h, m, s, kst);

        Assert.Null(SnapshotClock.Due(At(9, 9, 59), null));
        Assert.Equal(At(9, 10), SnapshotClock.Due(At(9, 10, 3), null));
        Assert.Null(SnapshotClock.Due(At(9, 19, 59), At(9, 10)));
        Assert.Equal(At(9, 40), SnapshotClock.Due(At(9, 41), At(9, 10)));
        Assert.Equal(At(15, 30), SnapshotClock.Due(At(15, 45), At(15, 20)));
        Assert.Null(SnapshotClock.Due(At(15, 45), At(15, 30)));
    }

    [Fact]
    public void With_the_sector_map_a_stock_ranks_in_every_korean_sector_it_belongs_to()
    {
        var map = Gslts.Grains.Sectors.SectorMap.Default;
        var table = new MarketRanking(map.SectorsOf);
        table.Take([Stock("005930", 900, sector: "전기전자"), Stock("035420", 500, sector: "서비스업"), Stock("900001", 100, sector: "반도체")]);

        Assert.Equal(["005930", "900001"], table.Top("반도체", 10).Stocks.Select(s => s.Code));
        Assert.Equal(["035420"], table.Top("IT", 10).Stocks.Select(s => s.Code));
        Assert.Equal(["005930", "900001"], table.BySector()["반도체"].Select(s => s.Code).Order());
        Assert.Empty(table.BySector()["전기전자"]);
    }
}

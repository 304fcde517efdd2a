using Gslts.Grains.Interfaces.Strategy;
using Gslts.Grains.Sectors;
using Gslts.Grains.Strategy;

namespace Gslts.Grains.Tests.Strategy;

public sealed class StrategyPlannerTests
{
    private static readonly DateOnly Day = new(2026, 3, 20);
    private static readonly DateOnly Yesterday = Day.AddDays(-1);
    private static readonly StrategyOptions Rules = new();

    // Strongest first: XLK, XLE, XLY lead; XLU, XLRE, XLC trail (XLC weakest).
    private static readonly (string Symbol, decimal Change)[] Night =
    [
        ("XLE", 1.80m), ("XLK", 2.40m), ("XLY", 1.10m), ("XLF", 0.70m), ("XLV", 0.30m), ("XLI", 0.10m),
        ("XLP", -0.20m), ("XLB", -0.40m), ("XLU", -0.90m), ("XLRE", -1.30m), ("XLC", -1.70m),
    ];

    [Fact]
    public void The_top_three_US_sectors_pick_their_korean_sectors_and_the_bottom_three_are_expected_weak()
    {
        var plan = StrategyPlanner.Plan(Inputs(Night, []), SectorMap.Default, Rules);

        Assert.Equal(["XLK", "XLE", "XLY", "XLF", "XLV", "XLI", "XLP", "XLB", "XLU", "XLRE", "XLC"], plan.UsSectors.Select(s => s.Symbol));
        Assert.Equal(["IT", "반도체", "에너지", "정유", "자동차", "유통"], plan.StrongSectors.Select(s => s.Name));
        Assert.Equal(["XLK", "XLK", "XLE", "XLE", "XLY", "XLY"], plan.StrongSectors.Select(s => s.Symbol));
        Assert.Equal([2.40m, 2.40m, 1.80m, 1.80m, 1.10m, 1.10m], plan.StrongSectors.Select(s => s.UsChangeRate));
        Assert.Equal(["통신", "부동산", "유틸리티"], plan.WeakSectors.Select(s => s.Name));
        Assert.Equal((Day, "SPY"), (plan.Date, plan.Market!.Symbol));
    }

    [Fact]
    public void The_top_fifth_by_trading_value_of_the_strong_sectors_stocks_are_the_candidates_ranked_by_value()
    {
        var pool = Pool(("반도체", 15), ("IT", 10), ("에너지", 8), ("자동차", 7));
        var weakStocks = Pool(("통신", 20)); // a weak sector: its stocks are never candidates, however busy

        var plan = StrategyPlanner.Plan(Inputs(Night, Merge(pool, weakStocks)), SectorMap.Default, Rules);

        var expected = Flatten(pool).OrderByDescending(s => s.Stock.TradingValue).Take(8).ToList(); // 20% of 40
        Assert.Equal(expected.Select(s => s.Stock.Code), plan.Candidates.Select(c => c.Code));
        Assert.Equal(expected.Select(s => s.Sector), plan.Candidates.Select(c => c.Sector));
        Assert.Equal(Enumerable.Range(1, 8), plan.Candidates.Select(c => c.Rank));
        Assert.All(plan.Candidates, c => Assert.True(c.InTopFraction));
        Assert.Equal(expected.Select(s => s.Stock.TradingValue), plan.Candidates.Select(c => c.TradingValue));
    }

    [Fact]
    public void Fewer_than_five_in_the_top_fifth_are_widened_to_five_within_the_strong_sectors_by_trading_value()
    {
        var pool = Pool(("반도체", 6), ("에너지", 6), ("통신", 9));

        var plan = StrategyPlanner.Plan(Inputs(Night, pool), SectorMap.Default, Rules);

        var strongOnly = Flatten(pool).Where(s => s.Sector != "통신").OrderByDescending(s => s.Stock.TradingValue).ToList();
        Assert.Equal(strongOnly.Take(5).Select(s => s.Stock.Code), plan.Candidates.Select(c => c.Code));
        // 20% of 12 is 2.4: three are in the top fifth, two were added to reach five.
        Assert.Equal([true, true, true, false, false], plan.Candidates.Select(c => c.InTopFraction));
    }

    [Fact]
    public void More_than_ten_in_the_top_fifth_are_cut_to_the_ten_highest_trading_values()
    {
        var pool = Pool(("반도체", 40), ("IT", 30), ("정유", 30));

        var plan = StrategyPlanner.Plan(Inputs(Night, pool), SectorMap.Default, Rules);

        var expected = Flatten(pool).OrderByDescending(s => s.Stock.TradingValue).Take(10);
        Assert.Equal(expected.Select(s => s.Stock.Code), plan.Candidates.Select(c => c.Code));
        Assert.Equal(10, plan.Candidates.Count);
    }

    [Fact]
    public void A_small_pool_gives_what_it_has_and_stocks_without_trading_value_are_left_out()
    {
        var stocks = new Dictionary<string, IReadOnlyList<CandidateStock>>
        {
            ["반도체"] = [Stock("005930", 900), Stock("000660", 700), Stock("900001", 0)],
            ["IT"] = [Stock("035420", 300)],
            // Listed under a weaker strong sector too (XLY's): counted once, in the stronger sector (XLK's).
            ["자동차"] = [Stock("000660", 700)],
        };

        var plan = StrategyPlanner.Plan(Inputs(Night, stocks), SectorMap.Default, Rules);

        Assert.Equal(["005930", "000660", "035420"], plan.Candidates.Select(c => c.Code));
        Assert.Equal(["반도체", "반도체", "IT"], plan.Candidates.Select(c => c.Sector));
    }

    [Fact]
    public void The_signal_history_of_each_sector_is_attached_where_it_exists()
    {
        var semiconductors = new SignalStats(new("종가→종가", 120, 0.61, 0.42), new("시가→종가", 120, 0.52, 0.05), null);
        var telecoms = new SignalStats(new("종가→종가", 80, 0.55, -0.12), null, null);
        var signals = new Dictionary<string, SignalStats> { ["반도체"] = semiconductors, ["통신"] = telecoms };

        var plan = StrategyPlanner.Plan(Inputs(Night, [], signals), SectorMap.Default, Rules);

        Assert.Same(semiconductors, plan.StrongSectors.Single(s => s.Name == "반도체").Signal);
        Assert.Same(telecoms, plan.WeakSectors.Single(s => s.Name == "통신").Signal);
        Assert.Null(plan.StrongSectors.Single(s => s.Name == "IT").Signal);
    }

    [Fact]
    public void With_few_US_sessions_known_no_sector_is_both_strong_and_weak()
    {
        var plan = StrategyPlanner.Plan(Inputs([("XLF", 0.5m), ("XLK", 1m), ("XLV", -0.2m), ("XLC", -1m), ("QQQ", 3m)], []), SectorMap.Default, Rules);

        Assert.Equal(["XLK", "XLF", "XLV", "XLC"], plan.UsSectors.Select(s => s.Symbol));
        Assert.Equal(["IT", "반도체", "금융", "제약", "바이오"], plan.StrongSectors.Select(s => s.Name));
        Assert.Equal(["통신"], plan.WeakSectors.Select(s => s.Name));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 4)]
    [InlineData(24, 5)]
    [InlineData(25, 5)]
    [InlineData(26, 6)]
    [InlineData(50, 10)]
    [InlineData(51, 10)]
    public void The_candidate_count_is_the_top_fifth_held_between_five_and_ten(int pool, int expected)
    {
        Assert.Equal(expected, StrategyPlanner.CandidateCount(pool, Rules));
    }

    private static PlanInputs Inputs(
        IEnumerable<(string Symbol, decimal Change)> night,
        Dictionary<string, IReadOnlyList<CandidateStock>> stocks,
        Dictionary<string, SignalStats>? signals = null) =>
        new(Day, new DateTimeOffset(2026, 3, 20, 8, 0, 0, TimeSpan.FromHours(9)),
            [.. night.Select(n => new UsSectorMove(n.Symbol, n.Symbol, Yesterday, 100m, n.Change))],
            new UsSectorMove("SPY", "S&P 500", Yesterday, 500m, 0.8m),
            stocks, signals ?? [], []);

    private static CandidateStock Stock(string code, long value) => new(code, $"종목{code}", value, Yesterday);

    /// <summary>Stocks with distinct, shuffled trading values, so ranks are decided by value alone.</summary>
    private static Dictionary<string, IReadOnlyList<CandidateStock>> Pool(params (string Sector, int Count)[] sectors)
    {
        var random = new Random(7);
        var values = Enumerable.Range(1, sectors.Sum(s => s.Count)).Select(i => i * 1_000_000_000L).OrderBy(_ => random.Next()).ToArray();
        var next = 0;
        var code = 0;
        return sectors.ToDictionary(s => s.Sector, s => (IReadOnlyList<CandidateStock>)
            [.. Enumerable.Range(0, s.Count).Select(_ => Stock($"{900_000 + ++code:D6}", values[next++]))]);
    }

    private static Dictionary<string, IReadOnlyList<CandidateStock>> Merge(
        Dictionary<string, IReadOnlyList<CandidateStock>> a, Dictionary<string, IReadOnlyList<CandidateStock>> b) =>
        a.Concat(b.Select(p => new KeyValuePair<string, IReadOnlyList<CandidateStock>>(p.Key, [.. p.Value.Select(s => s with { Code = "8" + s.Code[1..] })])))
            .ToDictionary(p => p.Key, p => p.Value);

    private static List<(CandidateStock Stock, string Sector)> Flatten(Dictionary<string, IReadOnlyList<CandidateStock>> pool) =>
        [.. pool.SelectMany(p => p.Value.Select(s => (s, p.Key)))];
}

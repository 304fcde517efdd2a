using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Strategy;
using Gslts.Grains.Strategy;
using Gslts.Grains.Tests.Stocks;

namespace Gslts.Grains.Tests.Strategy;

/// <summary>The only tests that write the real ETF symbols and the map's codes, on dates of their own (2031, 2032).</summary>
[Collection(ClusterCollection.Name)]
public sealed class StrategyGrainTests(ClusterFixture fixture)
{
    // A Monday: the US night before it is Friday the 7th.
    private static readonly DateOnly Day = new(2031, 3, 10);
    private static readonly DateOnly Friday = new(2031, 3, 7);

    private static readonly Dictionary<string, decimal> Night = new()
    {
        ["XLK"] = 2.5m, ["XLF"] = 1.5m, ["XLE"] = -0.5m, ["XLV"] = 0.2m, ["XLI"] = 0.1m, ["XLP"] = -0.1m,
        ["XLY"] = 1.9m, ["XLU"] = -1.2m, ["XLB"] = 0.4m, ["XLRE"] = -2.0m, ["XLC"] = -0.8m, ["SPY"] = 0.9m,
    };

    [Fact]
    public async Task A_built_plan_follows_last_nights_US_sectors_and_is_read_back_after_reactivation()
    {
        foreach (var (symbol, change) in Night)
        {
            // Thursday 100; Friday moved by the night's change; the Monday close (the plan's own day) must be ignored.
            await fixture.Grains.GetGrain<IUsSectorGrain>(symbol).AddCloses(
                [new(Friday.AddDays(-1), 100m), new(Friday, 100m + change), new(Day, 50m)]);
        }

        // Friday's trading values of some of the strong sectors' stocks (XLK, XLY, XLF).
        var values = new Dictionary<string, (long Price, long Quantity)>
        {
            ["005930"] = (70_000, 9_000), ["000660"] = (200_000, 2_000), ["035420"] = (200_000, 1_000),
            ["005380"] = (250_000, 1_500), ["023530"] = (70_000, 500), ["105560"] = (80_000, 4_000), ["055550"] = (50_000, 2_000),
        };
        foreach (var (code, (price, quantity)) in values)
        {
            var trades = new Trades(code, price, Friday);
            await fixture.Grains.GetGrain<IStockGrain>(code).Ingest([trades.At("100000", price, quantity)]);
        }

        // A member the sector grain reports (broker sector 반도체) joins the map's codes.
        await fixture.Grains.GetGrain<IKrSectorGrain>("반도체").Update(Friday, [new("950010", "한빛반도체", 30_000, 1m, 5_000_000_000)]);

        var grain = fixture.Grains.GetGrain<IStrategyGrain>(StrategyDates.Key(Day));
        Assert.Null(await grain.Get());
        var built = await grain.Build();

        Assert.Equal(Day, built.Date);
        Assert.Equal(Night.Where(n => n.Key != "SPY").OrderByDescending(n => n.Value).Select(n => n.Key), built.UsSectors.Select(s => s.Symbol));
        Assert.All(built.UsSectors, s => Assert.Equal((Friday, Night[s.Symbol]), (s.SessionDate, s.ChangeRate)));
        Assert.Equal(["IT", "반도체", "자동차", "유통", "금융"], built.StrongSectors.Select(s => s.Name));
        Assert.Equal(["부동산", "유틸리티", "통신"], built.WeakSectors.Select(s => s.Name));
        Assert.Equal((0.9m, Friday), (built.Market!.ChangeRate, built.Market.SessionDate));

        var expected = values.Select(v => (Code: v.Key, Value: v.Value.Price * v.Value.Quantity)).Append((Code: "950010", Value: 5_000_000_000L))
            .OrderByDescending(v => v.Value).ToList();
        Assert.Equal(expected.Take(5).Select(v => v.Code), built.Candidates.Select(c => c.Code));
        Assert.Equal(expected.Take(5).Select(v => v.Value), built.Candidates.Select(c => c.TradingValue));
        Assert.Equal([1, 2, 3, 4, 5], built.Candidates.Select(c => c.Rank));
        Assert.All(built.Candidates.Where(c => c.Code != "950010"), c => Assert.Equal(Friday, c.TradingValueDate));
        Assert.Contains(StrategyGrain.NoKoreanHistoryNote, built.Notes);
        Assert.All(built.StrongSectors, s => Assert.Null(s.Signal));

        await Reactivation.Force(fixture);
        var stored = await grain.Get();

        Assert.NotNull(stored);
        Assert.Equal(built.BuiltAt, stored.BuiltAt);
        Assert.Equal(built.Candidates, stored.Candidates);
        Assert.Equal(built.StrongSectors, stored.StrongSectors);
        Assert.Equal(built.UsSectors, stored.UsSectors);
        Assert.Null(await fixture.Grains.GetGrain<IStrategyGrain>(StrategyDates.Key(Day.AddDays(1))).Get());
    }

    [Fact]
    public async Task A_date_without_US_data_builds_an_empty_plan_saying_what_is_missing()
    {
        var plan = await fixture.Grains.GetGrain<IStrategyGrain>("2031-01-06").Build();

        Assert.Empty(plan.UsSectors);
        Assert.Empty(plan.StrongSectors);
        Assert.Empty(plan.Candidates);
        Assert.Contains(plan.Notes, n => n.Contains("XLK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_scheduler_registers_its_reminder_and_builds_only_from_the_build_time()
    {
        var scheduler = fixture.Grains.GetGrain<IStrategySchedulerGrain>("TEST-SCHEDULER");

        await scheduler.Start();

        var rows = await fixture.SiloService<IReminderTable>().ReadRows(scheduler.GetGrainId());
        Assert.Equal([StrategySchedulerGrain.ReminderName], rows.Reminders.Select(r => r.ReminderName));
        Assert.Equal(TimeSpan.FromMinutes(1), rows.Reminders[0].Period);
        var now = DateTimeOffset.UtcNow;
        var expected = BuildSchedule.Due(now, new StrategyOptions().BuildAt, null, Gslts.Krx.KrxCalendar.Default);
        Assert.Equal(expected, await scheduler.GetLastBuilt());
    }

    [Fact]
    public async Task A_sector_whose_members_have_daily_bars_carries_its_signals_hit_rate_and_average_next_day_return()
    {
        // Twenty US sessions (weekdays of May 2032) and the Korean days after them; XLK leads the last night.
        var sessions = Enumerable.Range(0, 28).Select(d => new DateOnly(2032, 5, 3).AddDays(d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var planDay = sessions[^1].AddDays(3);
        var xlk = sessions.Select((d, i) => new DailyClose(d, 100m + (i % 3 == 0 ? -1 : 1) * i)).ToList();
        foreach (var symbol in UsSectorSymbols.All)
        {
            var closes = symbol == "XLK" ? xlk : [new DailyClose(sessions[^2], 100m), new DailyClose(sessions[^1], 100.1m)];
            await fixture.Grains.GetGrain<IUsSectorGrain>(symbol).AddCloses(closes);
        }

        var members = new Dictionary<string, DailyBar[]>
        {
            ["005930"] = [.. sessions.Select((d, i) => Bar(d.AddDays(1), 70_000 + (i % 4 - 1) * 500))],
            ["000660"] = [.. sessions.Select((d, i) => Bar(d.AddDays(1), 200_000 + (i % 5 - 2) * 1_000))],
        };
        foreach (var (code, bars) in members) await fixture.Grains.GetGrain<IStockGrain>(code).SetDailyHistory(bars);

        var plan = await fixture.Grains.GetGrain<IStrategyGrain>(StrategyDates.Key(planDay)).Build();

        var semiconductors = plan.StrongSectors.Single(s => s.Name == "반도체");
        var expected = Gslts.Grains.Sectors.SignalHistory.Measure(xlk,
            [.. members.Values.Select(bars => (IReadOnlyList<DailyClose>)[.. bars.Select(b => new DailyClose(b.Date, b.Close))])],
            Gslts.Grains.Sectors.SignalDirection.Up, before: planDay);
        Assert.NotNull(expected);
        Assert.Equal(expected, semiconductors.Signal);
        Assert.Null(plan.StrongSectors.Single(s => s.Name == "IT").Signal);
        Assert.DoesNotContain(StrategyGrain.NoKoreanHistoryNote, plan.Notes);
    }

    private static DailyBar Bar(DateOnly date, long close) => new(date, close, close, close, close, 1_000, close * 1_000);
}

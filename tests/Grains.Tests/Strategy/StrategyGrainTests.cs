using Gslts.Grains.Interfaces.Sectors;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Strategy;
using Gslts.Grains.Strategy;
using Gslts.Grains.Tests.Stocks;

namespace Gslts.Grains.Tests.Strategy;

/// <summary>The only tests that write the real ETF symbols and the map's codes, each on dates of its own (2021–2025; past dates, so their build time has come).</summary>
[Collection(ClusterCollection.Name)]
public sealed class StrategyGrainTests(ClusterFixture fixture)
{
    // A Monday: the US night before it is Friday the 7th.
    private static readonly DateOnly Day = new(2025, 3, 10);
    private static readonly DateOnly Friday = new(2025, 3, 7);

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

        var grain = fixture.Grains.GetGrain<IStrategyGrain>(StrategyDates.Key(Day));
        Assert.Null(await grain.Get());
        var built = (await grain.BuildMorningPlan(evenIfIncomplete: false)).Plan!;

        Assert.Equal(Day, built.Date);
        Assert.Equal(Night.Where(n => n.Key != "SPY").OrderByDescending(n => n.Value).Select(n => n.Key), built.UsSectors.Select(s => s.Symbol));
        Assert.All(built.UsSectors, s => Assert.Equal((Friday, Night[s.Symbol]), (s.SessionDate, s.ChangeRate)));
        Assert.Equal(["IT", "반도체", "자동차", "유통", "금융"], built.StrongSectors.Select(s => s.Name));
        Assert.Equal(["부동산", "유틸리티", "통신"], built.WeakSectors.Select(s => s.Name));
        Assert.Equal((0.9m, Friday), (built.Market!.ChangeRate, built.Market.SessionDate));

        var expected = values.Select(v => (Code: v.Key, Value: v.Value.Price * v.Value.Quantity)).OrderByDescending(v => v.Value).ToList();
        Assert.Equal(expected.Take(5).Select(v => v.Code), built.Candidates.Select(c => c.Code));
        Assert.Equal(expected.Take(5).Select(v => v.Value), built.Candidates.Select(c => c.TradingValue));
        Assert.Equal([1, 2, 3, 4, 5], built.Candidates.Select(c => c.Rank));
        Assert.All(built.Candidates, c => Assert.Equal(Friday, c.TradingValueDate));
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
        var grain = fixture.Grains.GetGrain<IStrategyGrain>("2021-01-04");
        var waiting = await grain.BuildMorningPlan(evenIfIncomplete: false);
        var plan = (await grain.BuildMorningPlan(evenIfIncomplete: true)).Plan!;

        Assert.Null(waiting.Plan);
        Assert.Contains("XLK", waiting.Waiting);
        Assert.Null(await fixture.Grains.GetGrain<IStrategyGrain>("2021-01-05").Get());
        Assert.Empty(plan.UsSectors);
        Assert.Empty(plan.StrongSectors);
        Assert.Empty(plan.Candidates);
        Assert.Contains(plan.Notes, n => n.Contains("XLK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_scheduler_registers_its_reminder_and_builds_only_from_the_build_time_with_what_is_there_once_it_waited()
    {
        var scheduler = fixture.Grains.GetGrain<IStrategySchedulerGrain>("TEST-SCHEDULER");

        await scheduler.Start();

        var rows = await fixture.SiloService<IReminderTable>().ReadRows(scheduler.GetGrainId());
        Assert.Equal([StrategySchedulerGrain.ReminderName], rows.Reminders.Select(r => r.ReminderName));
        Assert.Equal(TimeSpan.FromMinutes(1), rows.Reminders[0].Period);
        var now = DateTimeOffset.UtcNow;
        var expected = BuildSchedule.Due(now, new StrategyOptions().BuildAt, null, Gslts.Krx.KrxCalendar.Default);
        // The test cluster waits no time for data (WaitForData 0): a due date is built at once, with what is missing noted.
        Assert.Equal(expected, await scheduler.GetLastBuilt());
        if (expected is { } due) Assert.NotEmpty((await fixture.Grains.GetGrain<IStrategyGrain>(StrategyDates.Key(due)).Get())!.Notes);
    }

    [Fact]
    public async Task A_sector_whose_members_have_daily_bars_carries_its_signals_hit_rate_and_average_next_day_return()
    {
        // Twenty US sessions (weekdays of May 2022) and the Korean days after them; XLK leads the last night.
        var sessions = Enumerable.Range(0, 28).Select(d => new DateOnly(2022, 5, 2).AddDays(d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
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

        var plan = (await fixture.Grains.GetGrain<IStrategyGrain>(StrategyDates.Key(planDay)).BuildMorningPlan(evenIfIncomplete: true)).Plan!;

        var semiconductors = plan.StrongSectors.Single(s => s.Name == "반도체");
        var expected = Gslts.Grains.Sectors.SignalHistory.Measure(xlk, [.. members.Values.Select(bars => (IReadOnlyList<DailyBar>)bars)],
            Gslts.Grains.Sectors.SignalDirection.Up, before: planDay);
        Assert.NotNull(expected);
        Assert.Equal(expected, semiconductors.Signal);
        Assert.Null(plan.StrongSectors.Single(s => s.Name == "IT").Signal);
        Assert.DoesNotContain(StrategyGrain.NoKoreanHistoryNote, plan.Notes);
    }

    [Fact]
    public async Task The_morning_plan_reads_nothing_of_its_own_day_is_kept_as_built_and_a_rebuild_is_a_revision_beside_it()
    {
        // Monday 2023-06-12; the US night is Friday the 9th; XLV leads, so 제약 and 바이오 are expected strong.
        var day = new DateOnly(2023, 6, 12);
        var friday = new DateOnly(2023, 6, 9);
        foreach (var symbol in UsSectorSymbols.All)
        {
            var change = symbol switch { "XLV" => 3m, "XLB" => 2m, "XLI" => 1.5m, _ => -0.5m };
            // The plan's own day carries a US close too (a session that ends after the plan): it must not count.
            await fixture.Grains.GetGrain<IUsSectorGrain>(symbol).AddCloses([new(friday.AddDays(-1), 100m), new(friday, 100m + change), new(day, 10m)]);
        }

        // Three 바이오 members of their own, not in the map (the sector grain's report makes them members): Friday's bars,
        // and the plan's day already trading (its bars, its trades, the sector's report of it).
        string[] codes = ["950201", "950202", "950203"];
        for (var i = 0; i < codes.Length; i++)
        {
            var grain = fixture.Grains.GetGrain<IStockGrain>(codes[i]);
            await grain.SetDailyHistory([Bar(friday.AddDays(-1), 10_000, value: 1_000_000_000L * (i + 1)), Bar(friday, 10_000, value: 2_000_000_000L * (i + 1)), Bar(day, 20_000, value: 900_000_000_000)]);
            await grain.Ingest([new Trades(codes[i], 10_000, day).At("090100", 10_000, 1_000_000 * (3 - i))]);
        }

        await fixture.Grains.GetGrain<IKrSectorGrain>("바이오").Update(day, [.. codes.Select(c => new SectorMember(c, c, 10_000, 1m, 500_000_000_000))]);
        var strategy = fixture.Grains.GetGrain<IStrategyGrain>(StrategyDates.Key(day));

        var morning = (await strategy.BuildMorningPlan(evenIfIncomplete: false)).Plan!;

        Assert.Equal(0, morning.Revision);
        Assert.All(morning.UsSectors, s => Assert.Equal(friday, s.SessionDate));
        Assert.Equal("XLV", morning.UsSectors[0].Symbol);
        Assert.All(morning.Candidates, c => Assert.True(c.TradingValueDate < day, $"{c.Code} ranked by {c.TradingValueDate}"));
        var ours = morning.Candidates.Where(c => codes.Contains(c.Code)).ToList();
        Assert.Equal(["950203", "950202", "950201"], ours.Select(c => c.Code));
        Assert.Equal([6_000_000_000L, 4_000_000_000L, 2_000_000_000L], ours.Select(c => c.TradingValue));
        Assert.All(ours, c => Assert.Equal(friday, c.TradingValueDate));

        var revision = await strategy.Revise();
        var again = await strategy.BuildMorningPlan(evenIfIncomplete: false);
        await Reactivation.Force(fixture);

        // The revision may use the day's own trading: the intraday trades (30,000,000,000 for 950201) rank first.
        Assert.Equal(1, revision.Revision);
        Assert.Equal("950201", revision.Candidates.First(c => codes.Contains(c.Code)).Code);
        Assert.All(revision.Candidates.Where(c => codes.Contains(c.Code)), c => Assert.Equal(day, c.TradingValueDate));
        Assert.Equal((morning.BuiltAt, 0), (again.Plan!.BuiltAt, again.Plan.Revision));
        var kept = await strategy.Get();
        Assert.Equal(morning.BuiltAt, kept!.BuiltAt);
        Assert.Equal(morning.Candidates, kept.Candidates);
        Assert.Equal([1], (await strategy.GetRevisions()).Select(r => r.Revision));
        Assert.Equal(2, (await strategy.Revise()).Revision);
    }

    [Fact]
    public async Task The_morning_plan_waits_for_every_symbol_of_last_night_and_names_those_still_missing()
    {
        // Monday 2024-09-09: every symbol but XLC has Friday's session; XLC has only Thursday's.
        var day = new DateOnly(2024, 9, 9);
        var friday = new DateOnly(2024, 9, 6);
        foreach (var symbol in UsSectorSymbols.All)
        {
            DailyClose[] closes = symbol == "XLC"
                ? [new(friday.AddDays(-2), 100m), new(friday.AddDays(-1), 101m)]
                : [new(friday.AddDays(-1), 100m), new(friday, 101m)];
            await fixture.Grains.GetGrain<IUsSectorGrain>(symbol).AddCloses(closes);
        }

        var strategy = fixture.Grains.GetGrain<IStrategyGrain>(StrategyDates.Key(day));

        var waiting = await strategy.BuildMorningPlan(evenIfIncomplete: false);

        Assert.Null(waiting.Plan);
        Assert.Contains("XLC", waiting.Waiting);
        Assert.DoesNotContain("XLK", waiting.Waiting);
        Assert.Null(await strategy.Get());

        var built = (await strategy.BuildMorningPlan(evenIfIncomplete: true)).Plan!;
        Assert.Contains(built.Notes, n => n.Contains("XLC", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2024, 9, 5), built.UsSectors.Single(s => s.Symbol == "XLC").SessionDate);
    }

    private static DailyBar Bar(DateOnly date, long close, long value) => new(date, close, close, close, close, value / close, value);

    private static DailyBar Bar(DateOnly date, long close) => new(date, close, close, close, close, 1_000, close * 1_000);
}

using Gslts.KiwoomSim.Market;
using Xunit.Abstractions;

namespace Gslts.KiwoomSim.Tests;

/// <summary>
/// Fast-clock days of the sim's large caps, driven tick by tick as the trade loop drives them, one day per seed, at a
/// lower trade rate (the price walks in market time, so the rate barely changes how far it goes). Every stock gets the
/// same share of it, about 2,500 trades a day, so the quietest names print as often as they do in the full market.
/// </summary>
public sealed class SimulatedDays
{
    public const int Count = 16;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(20);
    private const double TradesPerSecond = 12;

    public SimulatedDays() =>
        Days = [.. Enumerable.Range(1, Count).AsParallel().AsOrdered().Select(seed => Run(seed))];

    public IReadOnlyList<SimulatedDay> Days { get; }

    private static SimulatedDay Run(int seed)
    {
        var market = new SimMarket([.. MarketUniverse.LargeCaps.Select(l => l with { Liquidity = 1 })], seed, new DateOnly(2026, 3, 2).AddDays(seed % 5));
        var day = new SimulatedDay([], new SortedDictionary<TimeOnly, long>(), [], []);
        for (var t = new TimeOnly(8, 30); t <= new TimeOnly(15, 30); t = t.Add(Step))
        {
            var phase = KrxSessions.Regular.PhaseAt(t);
            // The opening auction's trades, apart from the continuous trading that starts the same second.
            if (phase == MarketPhase.Continuous && market.Phase == MarketPhase.OpeningAuction) day.Opening.AddRange(market.Tick(phase, t, 0).Trades);
            var tick = market.Tick(phase, t, (int)(TradesPerSecond * Step.TotalSeconds * IntradayVolume.Weight(t)));
            if (phase == MarketPhase.OpeningAuction && t >= new TimeOnly(8, 59)) day.Indicative.Add(("005930", market.Indicative("005930") ?? default));
            foreach (var trade in tick.Trades)
            {
                var bucket = new TimeOnly(trade.Time.Hour, trade.Time.Minute / 30 * 30);
                day.Volume[bucket] = day.Volume.GetValueOrDefault(bucket) + Math.Abs(trade.Quantity);
            }
        }

        foreach (var view in market.Views().Where(v => v.Trades > 0)) day.Bars[view.Listing.Code] = view;
        return day;
    }
}

/// <summary>One simulated day: each stock's day, volume per half hour, the trades of the first second, the auction's indicative prices.</summary>
public sealed record SimulatedDay(
    Dictionary<string, StockView> Bars, SortedDictionary<TimeOnly, long> Volume, List<SimTrade> Opening,
    List<(string Code, Gslts.KiwoomSim.Matching.AuctionPrice Price)> Indicative);

/// <summary>The synthetic market moves like the real one.</summary>
public sealed class MarketRealismTests(SimulatedDays simulated, ITestOutputHelper output) : IClassFixture<SimulatedDays>
{
    [SharedDataFact]
    public void Each_real_large_cap_ranges_within_thirty_percent_of_its_own_2024_days_and_moves_like_them_on_average()
    {
        var real = MarketUniverse.LargeCaps
            .Where(l => File.Exists(SharedData.File($"kr/{l.Code}.csv")))
            .Select(l => (l.Code, Real: Year2024(SharedData.Daily($"kr/{l.Code}.csv"))))
            .Where(r => r.Real.Days > 100)
            .ToDictionary(r => r.Code, r => r.Real);

        var rows = real.Select(r =>
        {
            var days = simulated.Days.Select(d => d.Bars[r.Key]).ToList();
            var range = days.Average(b => (double)(b.High - b.Low) / b.Listing.PreviousClose);
            var move = days.Average(b => Math.Abs((double)b.Price / b.Listing.PreviousClose - 1));
            return (Code: r.Key, Range: range / r.Value.Range, Move: move / r.Value.Move);
        }).ToList();
        foreach (var row in rows) output.WriteLine($"{row.Code}: day range {row.Range:0.00}x its 2024 average, close-to-close move {row.Move:0.00}x");

        Assert.True(real.Count >= 30, $"only {real.Count} large caps have 2024 data");
        Assert.All(rows, row => Assert.InRange(row.Range, 0.7, 1.3));
        Assert.InRange(rows.Average(r => r.Range), 0.85, 1.15);
        Assert.InRange(rows.Average(r => r.Move), 0.7, 1.3);
    }

    [Fact]
    public void Intraday_volume_is_heavier_at_the_open_and_the_close_than_at_midday()
    {
        var open = simulated.Days.Average(d => d.Volume[new TimeOnly(9, 0)]);
        var midday = simulated.Days.Average(d => (d.Volume[new TimeOnly(11, 30)] + d.Volume[new TimeOnly(12, 0)] + d.Volume[new TimeOnly(12, 30)]) / 3.0);
        var close = simulated.Days.Average(d => d.Volume[new TimeOnly(14, 30)] + d.Volume[new TimeOnly(15, 0)]) / 2;

        Assert.True(open > 2 * midday, $"09:00–09:30 {open:N0} vs midday {midday:N0} a half hour");
        Assert.True(close > 1.3 * midday, $"14:30–15:20 {close:N0} vs midday {midday:N0} a half hour");
    }

    [Fact]
    public void The_open_is_a_real_auction_orders_collected_before_nine_then_one_price_per_stock()
    {
        foreach (var day in simulated.Days)
        {
            Assert.NotEmpty(day.Opening);
            Assert.All(day.Opening, t => Assert.Equal(new TimeOnly(9, 0), t.Time));
            Assert.All(day.Opening, t => Assert.Equal(day.Bars[t.Code].Open, t.Price));
            Assert.All(day.Opening.GroupBy(t => t.Code), g => Assert.Single(g.Select(t => t.Price).Distinct()));
            var crossed = day.Indicative.Where(i => i.Code == "005930" && i.Price.Volume > 0).ToList();
            Assert.NotEmpty(crossed);
            Assert.Equal(day.Bars["005930"].Open, crossed[^1].Price.Price);
        }
    }

    private static (int Days, double Range, double Move) Year2024(IReadOnlyList<DailyRow> rows)
    {
        var year = rows.Zip(rows.Skip(1)).Where(p => p.Second.Date.Year == 2024).ToList();
        return (year.Count,
            year.Average(p => (double)((p.Second.High - p.Second.Low) / p.First.Close)),
            year.Average(p => Math.Abs((double)(p.Second.Close / p.First.Close) - 1)));
    }
}

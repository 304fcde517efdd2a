using Gslts.KiwoomSim.Market;

namespace Gslts.KiwoomSim.Tests;

public sealed class MarketFactorsTests
{
    [Fact]
    public void The_US_moves_of_a_day_follow_from_the_seed_and_the_date()
    {
        var day = new DateOnly(2026, 11, 24);

        var moves = new UsSectorDay(7, day);

        Assert.Equal(moves.Moves, new UsSectorDay(7, day).Moves);
        Assert.NotEqual(moves.Moves, new UsSectorDay(7, day.AddDays(1)).Moves);
        Assert.Equal(11, moves.Moves.Count);
        Assert.Equal(new DateOnly(2026, 11, 23), moves.PreviousSession);
        Assert.Equal(new DateOnly(2026, 11, 20), new UsSectorDay(7, new DateOnly(2026, 11, 23)).PreviousSession);
    }

    [Fact]
    public void Korean_sectors_drift_the_way_their_US_sector_moved_overnight()
    {
        var market = new SimMarket(MarketUniverse.Create(seed: 12), seed: 12, new DateOnly(2026, 11, 24));
        market.Advance(MarketPhase.Continuous, new TimeOnly(9, 0));
        market.Generate(600_000, new TimeOnly(11, 0));

        var sectors = market.Views().Where(v => v.Trades > 20).GroupBy(v => v.Listing.Sector)
            .Select(g => (Tilt: market.UsSectors.KoreanTilt(g.Key), Return: g.Average(v => Math.Log((double)v.Price / v.Listing.PreviousClose))))
            .ToList();

        Assert.True(sectors.Count >= 12);
        Assert.True(Correlation(sectors.Select(s => s.Tilt).ToList(), sectors.Select(s => s.Return).ToList()) > 0.5,
            string.Join(", ", sectors.Select(s => $"{s.Tilt:P2}→{s.Return:P2}")));
    }

    [Fact]
    public void Trading_is_busiest_after_the_open_and_before_the_close()
    {
        var open = IntradayVolume.Weight(new TimeOnly(9, 5));
        var lunch = IntradayVolume.Weight(new TimeOnly(12, 30));
        var close = IntradayVolume.Weight(new TimeOnly(15, 15));

        Assert.True(open > 2 * lunch && close > 1.5 * lunch, $"open {open:0.00}, lunch {lunch:0.00}, close {close:0.00}");
        var day = Enumerable.Range(0, 380).Select(m => IntradayVolume.Weight(new TimeOnly(9, 0).AddMinutes(m))).Average();
        Assert.InRange(day, 0.85, 1.15);
    }

    private static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return cov / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}

using System.Diagnostics;
using Gslts.KiwoomSim.Market;

namespace Gslts.Bench;

/// <summary>The sim's whole market on one thread: synthetic order flow through 2,500 books, trades printed with day totals.</summary>
public static class GenerationBenchmark
{
    public static void Run(TimeSpan baseline)
    {
        var market = new SimMarket(MarketUniverse.Create(seed: 42), seed: 42);
        var time = new TimeOnly(9, 0);
        market.Generate(200_000, time);

        var watch = Stopwatch.StartNew();
        var trades = 0L;
        while (watch.Elapsed < TimeSpan.FromSeconds(5)) trades += market.Generate(10_000, time).Count;
        var perSecond = trades / watch.Elapsed.TotalSeconds;

        Console.WriteLine($"generation: {trades:N0} trades in {watch.Elapsed.TotalMilliseconds:N0} ms = {perSecond:N0} trades/s on one core " +
            $"({market.Listings.Count:N0} listings)");
        Console.WriteLine($"ratio: {perSecond * baseline.TotalSeconds:N0} trades per baseline sort");
    }
}

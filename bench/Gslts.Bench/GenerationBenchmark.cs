using System.Diagnostics;
using Gslts.KiwoomSim.Market;

namespace Gslts.Bench;

/// <summary>The sim's whole market on one thread: synthetic order flow through 2,500 books, trades printed with day totals.</summary>
public static class GenerationBenchmark
{
    public static void Run(Report report)
    {
        var market = new SimMarket(MarketUniverse.Create(seed: 42), seed: 42);
        var time = new TimeOnly(9, 0);
        market.Generate(200_000, time);

        var printedBefore = market.Stats().Trades;
        var watch = Stopwatch.StartNew();
        var trades = 0L;
        while (watch.Elapsed < TimeSpan.FromSeconds(5)) trades += market.Generate(10_000, time).Count;
        var elapsed = watch.Elapsed;

        Console.WriteLine($"generation: {trades:N0} trades in {elapsed.TotalMilliseconds:N0} ms on one core ({market.Listings.Count:N0} listings)");
        report.Rate("trades generated on one core", trades / elapsed.TotalSeconds, "trades", "frames, sockets and the clock (the market's order flow and matching only)");
        report.Check($"the trades returned ({trades:N0}) are the trades the market counts as printed", market.Stats().Trades - printedBefore == trades);
    }
}

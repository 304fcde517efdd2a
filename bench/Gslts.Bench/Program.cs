using Gslts.Bench;

// The bridge benchmark's market runs in a child process of this program.
if (args.FirstOrDefault() == "sim")
{
    await SimProcess.ServeAsync(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
    return 0;
}

// Benchmarks are run by hand: dotnet run -c Release --project bench/Gslts.Bench -- [matching|generation|fanout|bridge [trades/s] [connections] [stalled]|grains|storage sqlite|mariadb [trades/s] [write interval]|page [trades/s] [seconds]]
// Each prints its result rows (ratios to the baseline computed here) and exits 1 when one of its checks fails.
var which = args.FirstOrDefault() ?? "matching";
var baseline = Baseline.Measure();
Console.WriteLine($"baseline: sorting 1,000,000 longs takes {baseline.TotalMilliseconds:0.0} ms on this machine");
var report = new Report(which, baseline);
switch (which)
{
    case "matching":
        MatchingBenchmark.Run(report);
        break;
    case "generation":
        GenerationBenchmark.Run(report);
        break;
    case "fanout":
        // 09:30 is busier than the day's average (weight 1.4), 10:00 a little quieter (0.84).
        await FanOutBenchmark.Run(report, args.ElementAtOrDefault(1) ?? "09:30:00");
        break;
    case "bridge":
        await BridgeBenchmark.Run(report, double.Parse(args.ElementAtOrDefault(1) ?? "100000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(args.ElementAtOrDefault(2) ?? "1", System.Globalization.CultureInfo.InvariantCulture), stalled: args.ElementAtOrDefault(3) == "stalled");
        break;
    case "storage":
        await StorageBenchmark.Run(report, args.ElementAtOrDefault(1) ?? "sqlite",
            double.Parse(args.ElementAtOrDefault(2) ?? "100000", System.Globalization.CultureInfo.InvariantCulture), writeInterval: args.ElementAtOrDefault(3));
        break;
    case "page":
        await PageBenchmark.Run(report, double.Parse(args.ElementAtOrDefault(1) ?? "100000", System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(args.ElementAtOrDefault(2) ?? "20", System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "grains":
        await GrainsBenchmark.Run(report);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'; known: matching, generation, fanout, bridge, grains, storage, page");
        return 2;
}

return report.Finish();

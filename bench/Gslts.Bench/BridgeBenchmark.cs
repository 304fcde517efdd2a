using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Orleans.Streams;
using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Streams;
using Gslts.KiwoomBridge;
using Gslts.KiwoomBridge.Feeding;
using Gslts.KiwoomBridge.Realtime;
using Gslts.KiwoomSim.Hosting;
using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gslts.Bench;

/// <summary>
/// The bridge end to end on one machine: KiwoomSim printing the whole market at the target rate, the bridge registered
/// for all 2,500 stocks, parsing and feeding the stock grains of an in-process silo. Reports trades/s printed, received
/// and applied by the grains, the arrival→applied latency (p50, p99) and each process's CPU. The sim (its own process)
/// opens at 09:00 a few seconds in, so the bridge is logged in before the first trade (a mid-day start would first
/// backfill every stock from the tape); measuring starts 5 s after the open. With <c>stalled</c> a second window
/// follows with every storage write held (<see cref="StalledWindowAsync"/>).
/// </summary>
public static partial class BridgeBenchmark
{
    public static async Task Run(Report report, double tradesPerSecond = 100_000, int connections = 1, int seconds = 20, bool stalled = false)
    {
        // The sim's rate is a day average and the open is busy: scaled so that it prints the target rate just after 09:00.
        await using var sim = await SimProcess.StartAsync(tradesPerSecond / IntradayVolume.Weight(new TimeOnly(9, 0, 15)), "08:59:55");
        var address = sim.Address;

        var settings = new Dictionary<string, string?>
        {
            ["Gslts:Kiwoom:BaseUrl"] = address.ToString(),
            ["Gslts:Kiwoom:AppKey"] = BenchSim.AppKey,
            ["Gslts:Kiwoom:SecretKey"] = BenchSim.SecretKey,
            ["Gslts:Kiwoom:LoadStockMaster"] = "false",
            ["Gslts:Kiwoom:QueriesPerSecond"] = "50",
            // The whole market from the sim's stock list, spread over one connection per app key.
            ["Gslts:Kiwoom:Collect"] = "All",
        };
        var listings = new Gslts.KiwoomSim.SimOptions().Listings;
        settings["Gslts:Kiwoom:CodesPerConnection"] = ((listings + connections - 1) / connections).ToString(CultureInfo.InvariantCulture);
        for (var i = 1; i < connections; i++)
        {
            settings[$"Gslts:Kiwoom:FeedKeys:{i - 1}:AppKey"] = BenchSim.FeedAppKey(i);
            settings[$"Gslts:Kiwoom:FeedKeys:{i - 1}:SecretKey"] = BenchSim.FeedSecretKey(i);
        }
        var bridgeHost = new HostBuilder()
            // Environment variables (Gslts__Kiwoom__Journal__MemoryTrades=...) tune the bridge for a run.
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings).AddEnvironmentVariables())
            .ConfigureLogging(l => l.AddSimpleConsole(c => { c.SingleLine = true; c.TimestampFormat = "HH:mm:ss.fff "; }).SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.None).AddFilter("Polly", LogLevel.None).AddFilter("Gslts.Grains", LogLevel.Error))
            .UseOrleans(silo => silo
                .UseLocalhostClustering()
                .AddMemoryGrainStorage(StorageNames.Market)
                .AddMemoryGrainStorage(StreamNames.PubSubStore)
                .AddMemoryStreams(StreamNames.Provider))
            .ConfigureServices((context, services) => services
                .AddSingleton(Gslts.Grains.Sectors.SectorMap.Default)
                .AddSingleton<StorageStall>()
                .AddSingleton<Gslts.Grains.Stocks.IStockStore, StallableStockStore>()
                .AddKiwoomBridge(context.Configuration))
            .Build();
        await bridgeHost.StartAsync();
        var feed = bridgeHost.Services.GetRequiredService<FeedStatus>();
        var feeder = bridgeHost.Services.GetRequiredService<TickFeeder>();
        var watchedSnapshots = await WatchAsync(bridgeHost.Services);
        while (await sim.PrintedAsync() == 0) await Task.Delay(100);
        // The opening auction's burst settles first.
        await Task.Delay(TimeSpan.FromSeconds(5));
        feeder.Latency.Reset();
        feeder.Settled.Reset();
        feeder.Queueing.Reset();
        feeder.Calls.Reset();

        var self = Process.GetCurrentProcess();
        var (printed0, received0, applied0, calls0) = (await sim.PrintedAsync(), feed.TicksReceived, feeder.Applied, feeder.Deliveries);
        var snapshots0 = Interlocked.Read(ref watchedSnapshots.Value);
        var backfilled0 = feeder.Backfilled;
        var (simCpu0, bridgeCpu0) = (sim.CpuTime, self.TotalProcessorTime);
        var (gen0, gen1, gen2, paused0, allocated0) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var watch = Stopwatch.StartNew();
        var collections = await WatchCollectionsAsync(TimeSpan.FromSeconds(seconds));
        var elapsed = watch.Elapsed.TotalSeconds;
        var (printedAll, receivedAll) = (await sim.PrintedAsync(), feed.TicksReceived);
        var (printed, received, applied) = (printedAll - printed0, receivedAll - received0, feeder.Applied - applied0);
        var calls = feeder.Deliveries - calls0;
        self.Refresh();
        var (simCpu, bridgeCpu) = ((sim.CpuTime - simCpu0).TotalSeconds / elapsed, (self.TotalProcessorTime - bridgeCpu0).TotalSeconds / elapsed);

        Console.WriteLine($"bridge: target {tradesPerSecond:N0} trades/s over {elapsed:0.0} s, 2,500 stocks on {connections} connection(s): printed {printed / elapsed:N0}/s, " +
            $"received {received / elapsed:N0}/s, applied by grains {applied / elapsed:N0}/s; held in lanes at the end {feeder.Held:N0}; " +
            $"backfilled {feeder.Backfilled - backfilled0:N0} ({feeder.Backfilled:N0} since the start), reconnects {feed.Reconnects}; printed but not received at the start {printed0 - received0:N0}, at the end {printedAll - receivedAll:N0}");
        Console.WriteLine($"latency arrival→applied by the grain: p50 {feeder.Latency.Percentile(0.50)} ms, p99 {feeder.Latency.Percentile(0.99)} ms, " +
            $"p99.9 {feeder.Latency.Percentile(0.999)} ms, max bucket {feeder.Latency.Percentile(1.0)} ms over {feeder.Latency.Count:N0} trades");
        Console.WriteLine($"arrival→answer taken by the feeder's loop: p50 {feeder.Settled.Percentile(0.50)} ms, p99 {feeder.Settled.Percentile(0.99)} ms");
        Console.WriteLine($"of which: frame arrival→feeder loop p50 {feeder.Queueing.Percentile(0.5)} ms, p99 {feeder.Queueing.Percentile(0.99)} ms; " +
            $"grain call→answer taken p50 {feeder.Calls.Percentile(0.5)} ms, p99 {feeder.Calls.Percentile(0.99)} ms");
        Console.WriteLine($"grain calls: {calls / elapsed:N0}/s, {(calls == 0 ? 0 : applied / (double)calls):0.0} trades per call; " +
            $"{Watched} watched stocks streamed {(Interlocked.Read(ref watchedSnapshots.Value) - snapshots0) / elapsed:N0} snapshots/s");
        Console.WriteLine($"GC in the bridge + silo process: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, " +
            $"{GC.CollectionCount(2) - gen2} gen2 collections, paused {(GC.GetTotalPauseDuration() - paused0).TotalMilliseconds:N0} ms in all; " +
            $"{(GC.GetTotalAllocatedBytes() - allocated0) / Math.Max(1, applied):N0} bytes allocated per trade, heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1_048_576:N0} MB");
        Console.WriteLine($"GC pauses seen (young generations): {collections.Count}, longest {collections.Select(c => c.Pause).DefaultIfEmpty().Max().TotalMilliseconds:0} ms, " +
            $"promoted on average {collections.Select(c => c.Promoted).DefaultIfEmpty().Average() / 1_048_576:0.0} MB");
        Console.WriteLine($"CPU (cores busy): sim process {simCpu:0.00}, bridge + silo process {bridgeCpu:0.00}");
        const string inProcess = "storage (memory) and the network (loopback); the sim is its own process, the silo is the bridge's";
        report.Rate("trades printed by the sim", printed / elapsed, "trades", inProcess);
        report.Rate("trades applied by the grains", applied / elapsed, "trades", inProcess);
        report.Duration("arrival→applied p50", feeder.Latency.Percentile(0.50), inProcess);
        report.Duration("arrival→applied p99", feeder.Latency.Percentile(0.99), inProcess);
        report.Duration("arrival→applied p99.9", feeder.Latency.Percentile(0.999), inProcess);
        report.Amount("bridge + silo CPU", bridgeCpu, "cores", "the sim's own CPU (printed above)");
        report.Check($"every trade received since the start was applied or is still held in its lane (received {receivedAll:N0}, applied {feeder.Applied:N0}, held {feeder.Held:N0})",
            receivedAll - feeder.Applied <= feeder.Held);
        report.Check($"no trade was given up as unrecoverable ({feeder.SkippedVolume:N0} shares skipped)", feeder.SkippedVolume == 0);
        var open = new Window(applied / elapsed, feeder.Latency.Percentile(0.50), feeder.Latency.Percentile(0.99), GC.GetGCMemoryInfo().HeapSizeBytes);
        if (stalled) await StalledWindowAsync(report, bridgeHost.Services, open, TimeSpan.FromSeconds(seconds));
        await bridgeHost.StopAsync();
    }

    /// <summary>Each young-generation collection seen while waiting: its pause and the bytes it promoted (what a pause costs).</summary>
    private static async Task<List<(TimeSpan Pause, long Promoted)>> WatchCollectionsAsync(TimeSpan duration)
    {
        var seen = new List<(TimeSpan, long)>();
        var last = GC.GetGCMemoryInfo(GCKind.Ephemeral).Index;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            await Task.Delay(20);
            var info = GC.GetGCMemoryInfo(GCKind.Ephemeral);
            if (info.Index == last) continue;
            last = info.Index;
            seen.Add((info.PauseDurations[0], info.PromotedBytes));
        }

        return seen;
    }

    private const int Watched = 50;

    /// <summary>What web nodes do for the stocks browsers show: the 50 busiest are watched and their snapshot streams read.</summary>
    private static async Task<StrongBox<long>> WatchAsync(IServiceProvider services)
    {
        var received = new StrongBox<long>();
        var cluster = services.GetRequiredService<IClusterClient>();
        var options = new Gslts.KiwoomSim.SimOptions();
        foreach (var listing in MarketUniverse.Create(options.Seed, options.Listings).OrderByDescending(l => l.Liquidity).Take(Watched))
        {
            var stream = cluster.GetStreamProvider(StreamNames.Provider).GetStream<Gslts.Grains.Interfaces.Stocks.StockSnapshot>(StreamNames.ForStock(listing.Code));
            await stream.SubscribeAsync((_, _) =>
            {
                Interlocked.Increment(ref received.Value);
                return Task.CompletedTask;
            });
            await cluster.GetGrain<Gslts.Grains.Interfaces.Stocks.IStockGrain>(listing.Code).Watch(TimeSpan.FromMinutes(5));
        }

        return received;
    }
}

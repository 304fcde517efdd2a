using System.Diagnostics;
using Gslts.KiwoomBridge;
using Gslts.KiwoomBridge.Feeding;
using Gslts.KiwoomBridge.Realtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gslts.Bench;

public static partial class BridgeBenchmark
{
    // A trade held in a lane's memory (the Tick struct and its arrival stamp), for the memory the journal holds.
    private const int BytesPerHeldTrade = 96;

    /// <summary>What a window measured: applied trades/s, arrival→applied p50 and p99 (ms), the GC heap at its end.</summary>
    private sealed record Window(double Applied, long P50, long P99, long Heap);

    /// <summary>
    /// The same load with every storage write held for a window (a stalled database), then let go. Prints what the
    /// journal held (memory, disk, the oldest trade's age), the latency and heap against the open window before it,
    /// and checks that memory stayed within the journal's bound, that the excess went to disk, and that once storage
    /// is back the journal drains with nothing given up.
    /// </summary>
    private static async Task StalledWindowAsync(Report report, IServiceProvider services, Window open, TimeSpan duration)
    {
        var feeder = services.GetRequiredService<TickFeeder>();
        var feed = services.GetRequiredService<FeedStatus>();
        var stall = services.GetRequiredService<StorageStall>();
        var bounds = services.GetRequiredService<IOptions<KiwoomOptions>>().Value.Journal;
        var skipped0 = feeder.SkippedVolume;
        feeder.Latency.Reset();
        var (applied0, received0) = (feeder.Applied, feed.TicksReceived);
        stall.Close();
        var watch = Stopwatch.StartNew();
        long mostInMemory = 0, mostOnDisk = 0;
        while (watch.Elapsed < duration)
        {
            await Task.Delay(250);
            var j = feeder.Journal;
            (mostInMemory, mostOnDisk) = (Math.Max(mostInMemory, j.InMemory), Math.Max(mostOnDisk, j.OnDisk));
        }

        var elapsed = watch.Elapsed.TotalSeconds;
        var journal = feeder.Journal;
        var stalled = new Window((feeder.Applied - applied0) / elapsed, feeder.Latency.Percentile(0.50), feeder.Latency.Percentile(0.99),
            GC.GetGCMemoryInfo().HeapSizeBytes);
        var received = feed.TicksReceived - received0;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"storage stalled for {elapsed:0.0} s: received {received / elapsed:N0}/s, applied by grains {stalled.Applied:N0}/s; " +
            $"latency arrival→applied p50 {stalled.P50} ms, p99 {stalled.P99} ms, p99.9 {feeder.Latency.Percentile(0.999)} ms");
        Console.WriteLine($"journal at the end: {journal.Trades:N0} trades not yet stored, {journal.InMemory:N0} in memory " +
            $"(≈{journal.InMemory * BytesPerHeldTrade / 1_048_576.0:N0} MB), {journal.OnDisk:N0} on disk ({journal.DiskBytes / 1_048_576.0:N0} MB), " +
            $"the oldest {journal.OldestAge.TotalSeconds:0.0} s old; most in memory seen {mostInMemory:N0} (peak since start {journal.PeakInMemory:N0}, " +
            $"bound {bounds.MemoryTrades:N0}); state {journal.State}; socket waits {journal.SocketWaits:N0}");
        Console.WriteLine($"GC heap {stalled.Heap / 1_048_576:N0} MB, working set {self.WorkingSet64 / 1_048_576:N0} MB");
        Console.WriteLine($"ratios stalled / open storage: applied {stalled.Applied / open.Applied:0.00}, p50 {Ratio(stalled.P50, open.P50)}, " +
            $"p99 {Ratio(stalled.P99, open.P99)}, GC heap {stalled.Heap / (double)open.Heap:0.00}");

        stall.Open();
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < TimeSpan.FromSeconds(60) && (feeder.Journal.OnDisk > 0 || feeder.Journal.State != JournalState.Normal)) await Task.Delay(250);
        Console.WriteLine($"storage back: the journal is off the disk in {drain.Elapsed.TotalSeconds:0.0} s ({feeder.Journal.Summary})");

        var checks = new (string What, bool Ok)[]
        {
            ($"memory held ≤ twice the bound plus a pass of the loop ({2L * bounds.MemoryTrades + bounds.InboxTrades + 1_000:N0})",
                journal.PeakInMemory <= 2L * bounds.MemoryTrades + bounds.InboxTrades + 1_000),
            ("the excess went to disk", journal.Trades <= bounds.MemoryTrades || mostOnDisk > 0),
            ("grains kept applying while storage was stalled", stalled.Applied >= 0.9 * received / elapsed),
            ("the journal drained from disk within 60 s of storage coming back", feeder.Journal.OnDisk == 0 && feeder.Journal.State == JournalState.Normal),
            ("no trade given up", feeder.SkippedVolume == skipped0),
        };
        const string leavesOut = "the database (writes are held in memory by the benchmark's storage) and the network (loopback)";
        report.Rate("trades applied with storage stalled", stalled.Applied, "trades", leavesOut);
        report.Duration("arrival→applied p99 with storage stalled", stalled.P99, leavesOut);
        report.Amount("stalled / open p99", open.P99 == 0 ? 0 : stalled.P99 / (double)open.P99, "×", leavesOut);
        report.Amount("journal held in memory at most", mostInMemory, "trades", "what the disk spill holds (printed above)");
        report.Amount("GC heap stalled / open", stalled.Heap / (double)open.Heap, "×", leavesOut);
        foreach (var (what, ok) in checks) report.Check(what, ok);
    }

    private static string Ratio(long stalled, long open) => open == 0 ? "–" : $"{stalled / (double)open:0.00}";
}

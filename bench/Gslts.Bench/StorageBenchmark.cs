using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Gslts.Grains.Stocks;
using Gslts.KiwoomBridge.Feeding;
using Gslts.KiwoomBridge.Realtime;
using Gslts.KiwoomSim.Market;
using Gslts.Silo.Hosting;
using Gslts.Silo.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace Gslts.Bench;

/// <summary>
/// The stock store on a real database at the whole market's load, through the product's own path: KiwoomSim (a child
/// process) prints all 2,500 stocks from the 09:00 open at the target rate; the product (GsltsApp with the silo and
/// bridge roles, Collect=All over one connection) feeds the stock grains, and the silo's stock store writes to SQLite
/// (a temp file) or MariaDB (a scratch database on GSLTS_MARIADB's server). Measured for a window from 5 s after the
/// open; then the sim stops, the journal drains, and the run checks that the grains applied every trade the bridge
/// took and that the database holds exactly what they applied (day and candles of every stock).
/// </summary>
public static class StorageBenchmark
{
    public static async Task Run(Report report, string provider, double tradesPerSecond = 100_000, int seconds = 20, string? writeInterval = null)
    {
        await using var database = await BenchDatabase.CreateAsync(provider);
        var sim = await SimProcess.StartAsync(tradesPerSecond / IntradayVolume.Weight(new TimeOnly(9, 0, 15)), "08:59:55");
        var simStopped = false;
        try
        {
            await MeasureAsync(report, database, sim, () => simStopped = true, tradesPerSecond, seconds, writeInterval);
        }
        finally
        {
            if (!simStopped) await sim.DisposeAsync();
        }
    }

    private static async Task MeasureAsync(Report report, BenchDatabase database, SimProcess sim, Action simStopping,
        double tradesPerSecond, int seconds, string? writeInterval)
    {
        var settings = database.Settings;
        var simOptions = new Gslts.KiwoomSim.SimOptions();
        var codes = MarketUniverse.Create(simOptions.Seed, simOptions.Listings).Select(l => l.Code).ToArray();
        List<string> args =
        [
            "--urls", $"http://127.0.0.1:{BenchDatabase.FreePort()}",
            "--Gslts:Roles=silo,bridge",
            $"--Gslts:Storage:Provider={settings.Provider}",
            $"--ConnectionStrings:Gslts={settings.ConnectionString}",
            $"--Gslts:Cluster:SiloPort={BenchDatabase.FreePort()}", $"--Gslts:Cluster:GatewayPort={BenchDatabase.FreePort()}",
            $"--Gslts:Kiwoom:BaseUrl={sim.Address}", $"--Gslts:Kiwoom:AppKey={BenchSim.AppKey}", $"--Gslts:Kiwoom:SecretKey={BenchSim.SecretKey}",
            "--Gslts:Kiwoom:Collect=All", $"--Gslts:Kiwoom:CodesPerConnection={codes.Length}", "--Gslts:Kiwoom:QueriesPerSecond=50",
            // Only the feed writes: the stock master and a year of daily bars per stock are loaded at start, not during a session.
            "--Gslts:Kiwoom:LoadStockMaster=false", "--Gslts:Kiwoom:LoadDailyHistory=false",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Orleans=Error", "--Logging:LogLevel:Polly=None",
        ];
        if (writeInterval is not null) args.Add($"--Gslts:Storage:WriteInterval={writeInterval}");
        await using var app = await GsltsApp.StartAsync([.. args]);
        var store = (BatchedStockStore)app.Services.GetRequiredService<IStockStore>();
        using var meters = new StoreMeters(store);
        var feed = app.Services.GetRequiredService<FeedStatus>();
        var feeder = app.Services.GetRequiredService<TickFeeder>();
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        while (await sim.PrintedAsync() == 0) await Task.Delay(100);
        // The opening auction's burst settles first.
        await Task.Delay(TimeSpan.FromSeconds(5));
        feeder.Latency.Reset();

        var self = Process.GetCurrentProcess();
        var before = meters.Totals();
        meters.ClearSamples();
        var (printed0, received0, applied0, simCpu0, cpu0) = (await sim.PrintedAsync(), feed.TicksReceived, feeder.Applied, sim.CpuTime, self.TotalProcessorTime);
        var (server0, written0) = (await ServerCountersAsync(settings), ProcessWrittenBytes());
        var held = new List<long>();
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            await Task.Delay(250);
            held.Add(feeder.Held);
        }

        var elapsed = watch.Elapsed.TotalSeconds;
        var (printed, received, applied) = (await sim.PrintedAsync() - printed0, feed.TicksReceived - received0, feeder.Applied - applied0);
        self.Refresh();
        var (simCpu, cpu) = ((sim.CpuTime - simCpu0).TotalSeconds / elapsed, (self.TotalProcessorTime - cpu0).TotalSeconds / elapsed);
        var totals = meters.Totals() - before;
        var (server, written) = (Delta(await ServerCountersAsync(settings), server0), ProcessWrittenBytes() - written0);
        var (commitTimes, waits) = meters.Samples();
        var gaps = meters.CommitGaps();
        var (p50, p99) = (feeder.Latency.Percentile(0.50), feeder.Latency.Percentile(0.99));

        var interval = app.Services.GetRequiredService<StorageSettings>().WriteInterval;
        Console.WriteLine($"storage {settings.Provider}, target {tradesPerSecond:N0} trades/s, write interval {interval.TotalMilliseconds:N0} ms" +
            $" ({(writeInterval is null ? "the product's default" : "the 4th argument")}), {elapsed:0.0} s measured:");
        report.Rate("trades printed by the sim", printed / elapsed, "trades");
        report.Rate("trades applied by the grains", applied / elapsed, "trades", $"received {received / elapsed:N0}/s");
        report.Duration("feed arrival→applied p50", p50, "the time until stored: that is the journal rows below");
        report.Duration("feed arrival→applied p99", p99, "compare bench/BENCHMARKS.md: 30–44 ms on this machine with storage in memory");
        report.Rate("transactions committed", totals.Commits / elapsed, "tx", $"{totals.Failed} failed");
        report.Rate("SQL statements", totals.Statements / elapsed, "statements", settings.Provider == StorageProvider.Sqlite ? "one-row upserts of a prepared statement" : "multi-row upserts of ≤500 rows");
        report.Rate("rows upserted", totals.Rows / elapsed, "rows", "day summaries + minute candles + listings");
        report.Rate("bytes sent to the database", totals.Bytes / elapsed, "B", "SQL text and values only: no protocol framing, no page or log writes");
        if (settings.Provider == StorageProvider.Sqlite)
        {
            report.Rate("bytes this process wrote (SQLite's files)", written / elapsed, "B", "all writes of the benchmark process, /proc/self/io wchar; page cache, not disk");
        }
        else
        {
            report.Rate("MariaDB redo log written", server.GetValueOrDefault("Innodb_os_log_written") / elapsed, "B", "server-wide: other databases on the server count too");
            report.Rate("MariaDB data written", server.GetValueOrDefault("Innodb_data_written") / elapsed, "B", "server-wide; pages are flushed in the background, often after the window");
            report.Rate("MariaDB bytes received", server.GetValueOrDefault("Bytes_received") / elapsed, "B", "server-wide, all clients");
        }

        report.Duration("commit time p50", Percentile(commitTimes, 0.50), $"{commitTimes.Length} commits: open, all statements, commit");
        report.Duration("commit time p99", Percentile(commitTimes, 0.99));
        report.Duration("commit time max", Percentile(commitTimes, 1.0));
        report.Duration("between commits, shortest", gaps.Length == 0 ? 0 : gaps[0], $"median {Percentile(gaps, 0.5):N0} ms, longest {Percentile(gaps, 1.0):N0} ms");
        report.Duration("a grain's write queued→durable p50", Percentile(waits, 0.50), "mostly the wait for the next commit; excludes the grain's own ≤1 s flush timer");
        report.Duration("a grain's write queued→durable p99", Percentile(waits, 0.99));
        report.Amount("journal: trades held until stored, mean", held.Count == 0 ? 0 : held.Average(), "trades", "sampled every 250 ms");
        report.Amount("journal: trades held until stored, max", held.Count == 0 ? 0 : held.Max(), "trades");
        report.Amount("CPU sim process", simCpu, "cores");
        report.Amount("CPU product process (silo, bridge, store)", cpu, "cores", "the database server's own CPU (MariaDB) is not in it");

        // The market stops: everything the bridge took must end up applied and stored.
        simStopping();
        await sim.DisposeAsync();
        var drained = await DrainAsync(feeder);
        var sum = 0L;
        foreach (var code in codes) sum += (await grains.GetGrain<Gslts.Grains.Interfaces.Stocks.IStockGrain>(code).GetSnapshot()).TickCount;
        // Sent: what the feeder delivered and its grains acknowledged (received from the socket, and from the tape after a gap).
        report.Check($"applied = sent: the grains applied {sum:N0} trades, the feeder delivered {feeder.Applied:N0}; received {feed.TicksReceived:N0}, " +
            $"{feeder.Backfilled:N0} more from the tape (duplicates of received ones included)", sum == feeder.Applied && sum >= feed.TicksReceived);
        report.Check($"the journal drained, every trade stored by the grains' receipts ({feeder.Held:N0} trades held at the end)", drained);
        var differ = await database.StoredEqualsAppliedAsync(grains, codes);
        report.Check("stored = applied: " + (differ.Count == 0
            ? $"all {codes.Length:N0} stocks' day and every minute candle read back equal" : $"{differ.Count} differ, e.g. {string.Join("; ", differ.Take(3))}"), differ.Count == 0);
        await app.StopAsync();
    }

    /// <summary>Waits until the feeder holds nothing and applies no more for two seconds (or a minute has passed).</summary>
    private static async Task<bool> DrainAsync(TickFeeder feeder)
    {
        var deadline = Stopwatch.StartNew();
        var (last, still) = (-1L, Stopwatch.StartNew());
        while (deadline.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(250);
            if (feeder.Applied != last) (last, still) = (feeder.Applied, Stopwatch.StartNew());
            if (feeder.Held == 0 && still.Elapsed > TimeSpan.FromSeconds(2)) return true;
        }

        return false;
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(sorted.Length * fraction) - 1, 0, sorted.Length - 1)];

    /// <summary>The MariaDB server's write counters (server-wide); none for SQLite.</summary>
    private static async Task<Dictionary<string, double>> ServerCountersAsync(StorageSettings settings)
    {
        var counters = new Dictionary<string, double>();
        if (settings.Provider != StorageProvider.MariaDb) return counters;
        await using var connection = new MySqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(
            "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_os_log_written', 'Innodb_data_written', 'Bytes_received')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counters[reader.GetString(0)] = double.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        return counters;
    }

    private static Dictionary<string, double> Delta(Dictionary<string, double> after, Dictionary<string, double> before) =>
        after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));

    /// <summary>Bytes this process passed to write calls (Linux /proc/self/io wchar); 0 where there is no such file.</summary>
    private static long ProcessWrittenBytes()
    {
        const string File = "/proc/self/io";
        if (!System.IO.File.Exists(File)) return 0;
        var line = System.IO.File.ReadLines(File).FirstOrDefault(l => l.StartsWith("wchar:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["wchar:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>One stock store's instruments as its meter reports them: counters summed, times kept for percentiles.</summary>
    private sealed class StoreMeters : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentDictionary<string, long> sums = new();
        private ConcurrentBag<double> commitTimes = [];
        private ConcurrentBag<double> waits = [];
        private ConcurrentBag<long> commitEnds = [];

        public StoreMeters(BatchedStockStore store)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, store.Meter)) l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
            listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            {
                var commit = instrument.Name.EndsWith("commit_time", StringComparison.Ordinal);
                (commit ? commitTimes : waits).Add(value);
                if (commit) commitEnds.Add(Stopwatch.GetTimestamp());
            });
            listener.Start();
        }

        public StoreTotals Totals() => new(Sum("commits"), Sum("failed_commits"), Sum("statements"), Sum("rows"), Sum("bytes"));

        public void ClearSamples() => (commitTimes, waits, commitEnds) = ([], [], []);

        public (double[] CommitTimes, double[] Waits) Samples() => ([.. commitTimes.Order()], [.. waits.Order()]);

        /// <summary>Milliseconds between the ends of consecutive commits, shortest first.</summary>
        public double[] CommitGaps()
        {
            var ends = commitEnds.Order().ToArray();
            return [.. ends.Zip(ends.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).Order()];
        }

        public void Dispose() => listener.Dispose();

        private long Sum(string name) => sums.GetValueOrDefault($"gslts.storage.stocks.{name}");
    }

    private readonly record struct StoreTotals(long Commits, long Failed, long Statements, long Rows, long Bytes)
    {
        public static StoreTotals operator -(StoreTotals a, StoreTotals b) =>
            new(a.Commits - b.Commits, a.Failed - b.Failed, a.Statements - b.Statements, a.Rows - b.Rows, a.Bytes - b.Bytes);
    }
}

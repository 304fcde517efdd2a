using System.Diagnostics;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Streams;
using Gslts.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gslts.Bench;

public static partial class GrainsBenchmark
{
    // The market's clock in the stored run: one second per this many trades sent (the design load), so each stock's
    // minute gets the trades a minute of a 100,000 trades/s market gives it, and minutes close as they would.
    private const double MarketTradesPerSecond = 100_000;

    /// <summary>
    /// The stock grains behind a silo boundary with real storage: a silo with the product's storage on a SQLite file
    /// (its stock store batching every grain's changes), and the 64 callers in a cluster client of their own, calling
    /// through the silo's gateway (serialized, over loopback TCP). The grains first get the morning (two trades a minute
    /// 09:00–12:59), then full speed from 13:00 on the market clock above. Checks that the grains applied every trade
    /// sent and that the database holds exactly what they applied.
    /// </summary>
    private static async Task RunStoredAcrossSilosAsync(Report report, int stocks, int batch, int seconds)
    {
        await using var database = await BenchDatabase.CreateAsync("sqlite");
        var (siloPort, gatewayPort) = (BenchDatabase.FreePort(), BenchDatabase.FreePort());
        using var silo = new HostBuilder()
            .ConfigureLogging(l => l.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error))
            .UseOrleans(s => s
                .UseLocalhostClustering(siloPort, gatewayPort)
                .AddGsltsStorage(database.Settings)
                .AddMemoryGrainStorage(StreamNames.PubSubStore)
                .AddMemoryStreams(StreamNames.Provider)
                .ConfigureServices(services => services.AddSingleton(Gslts.Grains.Sectors.SectorMap.Default)))
            .Build();
        await silo.StartAsync();
        using var client = new HostBuilder()
            .ConfigureLogging(l => l.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error))
            .UseOrleansClient(c => c.UseLocalhostClustering(gatewayPort))
            .Build();
        await client.StartAsync();
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var codes = Enumerable.Range(0, stocks).Select(i => (810_000 + i).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var tapes = codes.Select((code, i) => new Tape(code, i == 0 ? 1_000_000 : 10_000 + i % 100 * 100)).ToArray();

        await ForEachAsync(tapes, 64, async tape =>
        {
            for (var minute = 0; minute < 240; minute += 10) await grains.GetGrain<IStockGrain>(tape.Code).Feed(tape.Next(20, minute, 30), null);
        });
        var morning = tapes.Sum(t => t.Sent);
        var one = new DateTimeOffset(Day.ToDateTime(new TimeOnly(13, 0)), Kst);
        var (rate, cpu, gcPaused) = await FeedAsync(grains, tapes,
            (tape, sent) => tape.Live(batch, one.AddSeconds(sent / MarketTradesPerSecond)), TimeSpan.FromSeconds(seconds), perSecond: null, reached: null);
        var marketMinutes = (tapes.Sum(t => t.Sent) - morning) / MarketTradesPerSecond / 60;

        Console.WriteLine($"grains behind a gateway, SQLite storage, {stocks:N0} stocks, batches of {batch}, {seconds} s:");
        report.Rate("behind a gateway with SQLite: trades applied at full speed", rate, "trades",
            $"{cpu:0.00} cores for silo + client in one process, GC paused {gcPaused:N0} ms; no bridge, no streams watched");
        report.Rate("behind a gateway with SQLite: grain calls", rate / batch, "calls", "loopback TCP: no network latency between machines");
        report.Amount("behind a gateway with SQLite: market time covered", marketMinutes, "minutes", "13:00 on, one market second per 100,000 trades");

        // Everything sent is applied and, once the store has committed, stored exactly.
        var applied = 0L;
        foreach (var code in codes) applied += (await grains.GetGrain<IStockGrain>(code).GetSnapshot()).TickCount;
        var sent = tapes.Sum(t => t.Sent);
        report.Check($"behind a gateway, applied = sent: the grains applied {applied:N0} trades, the tapes sent {sent:N0}", applied == sent);
        var storedWithin = await AllStoredAsync(grains, codes, TimeSpan.FromSeconds(30));
        report.Check($"behind a gateway, the grains' receipts say all is stored ({(storedWithin is { } t ? $"within {t.TotalSeconds:0.0} s of the feed's end" : "not within 30 s")})", storedWithin is not null);
        var differ = await database.StoredEqualsAppliedAsync(grains, codes);
        report.Check("behind a gateway, stored = applied: " + (differ.Count == 0
            ? $"all {codes.Length:N0} stocks' day and every minute candle read back equal" : $"{differ.Count} differ, e.g. {string.Join("; ", differ.Take(3))}"), differ.Count == 0);
        await client.StopAsync();
        await silo.StopAsync();
    }

    /// <summary>How long until every stock's receipt says its applied trades are stored; null when not within <paramref name="patience"/>.</summary>
    private static async Task<TimeSpan?> AllStoredAsync(IGrainFactory grains, string[] codes, TimeSpan patience)
    {
        var watch = Stopwatch.StartNew();
        var pending = codes.ToList();
        while (watch.Elapsed < patience)
        {
            var receipts = await Task.WhenAll(pending.Select(async c => (Code: c, Receipt: await grains.GetGrain<IStockGrain>(c).Feed([], null))));
            pending = [.. receipts.Where(r => r.Receipt.Persisted < r.Receipt.Applied).Select(r => r.Code)];
            if (pending.Count == 0) return watch.Elapsed;
            await Task.Delay(200);
        }

        return null;
    }
}

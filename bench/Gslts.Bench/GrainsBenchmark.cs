using System.Collections.Concurrent;
using System.Diagnostics;
using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Ranking;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Interfaces.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace Gslts.Bench;

/// <summary>
/// Issue 6's grain benchmark, one in-process silo (memory streams, storage that keeps nothing): memory per active stock
/// grain holding a whole day (390 minute candles, the last trades), then trades/s through 2,500 stock grains in batches,
/// and how fresh the ranking's pushed top list is under that load. Then the same grains behind a silo boundary with real
/// storage (<see cref="RunStoredAcrossSilosAsync"/>).
/// </summary>
public static partial class GrainsBenchmark
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateOnly Day = new(2026, 11, 23);

    public static async Task Run(Report report, int stocks = 2_500, int batch = 20, int seconds = 20)
    {
        using var host = new HostBuilder()
            .ConfigureLogging(l => l.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error))
            .UseOrleans(silo => silo
                .UseLocalhostClustering()
                .AddMemoryGrainStorage(StreamNames.PubSubStore)
                .AddMemoryStreams(StreamNames.Provider)
                .ConfigureServices(services => services
                    .AddSingleton(Gslts.Grains.Sectors.SectorMap.Default)
                    .AddKeyedSingleton<Orleans.Storage.IGrainStorage, DiscardingStorage>(StorageNames.Market)
                    .AddSingleton<Gslts.Grains.Stocks.IStockStore, DiscardingStockStore>()))
            .Build();
        await host.StartAsync();
        var searchMicroseconds = MeasureSearch();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var codes = Enumerable.Range(0, stocks).Select(i => (800_000 + i).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var tapes = codes.Select((code, i) => new Tape(code, i == 0 ? 1_000_000 : 10_000 + i % 100 * 100)).ToArray();

        // A whole day: two trades a minute from 09:00 to 15:29 for every stock, then measured idle.
        var before = HeapAfterCollection();
        await ForEachAsync(tapes, 64, async tape =>
        {
            for (var minute = 0; minute < 390; minute += 10) await grains.GetGrain<IStockGrain>(tape.Code).Feed(tape.Next(20, minute, 30), null);
        });
        await Task.Delay(TimeSpan.FromSeconds(3));
        var perGrain = (HeapAfterCollection() - before) / stocks;
        var candles = (await grains.GetGrain<IStockGrain>(codes[1]).GetMinuteCandles()).Length;
        Console.WriteLine($"memory: {perGrain / 1024.0:0.0} KB of managed heap per active stock grain holding a day ({candles} minute candles, the last 100 trades), {stocks:N0} grains");

        var (rate, cpu, gcPaused) = await FeedAsync(grains, tapes, (tape, _) => tape.Next(batch, 389, 0), TimeSpan.FromSeconds(seconds), perSecond: null, reached: null);
        Console.WriteLine($"grains at full speed: {rate:N0} trades/s into {stocks:N0} stock grains in batches of {batch} ({rate / batch:N0} calls/s), " +
            $"{cpu:0.00} cores, GC paused {gcPaused:N0} ms");
        Console.WriteLine("  leaves out: calls between processes (the callers are in the silo: no serialization, no network), storage (it keeps nothing), " +
            "minute closes (every trade is in the day's last minute, 15:29), the bridge's parsing and journal; see the stored run below for the first three");

        // Ranking freshness at the goal's load: when the busiest stock reached the value the pushed top list shows.
        const double Paced = 200_000;
        var reached = new ConcurrentQueue<(long At, long Value)>();
        var freshness = new ConcurrentBag<double>();
        var subscription = await host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamNames.Provider)
            .GetStream<TopList>(StreamNames.ForRanking(IRankingGrain.All)).SubscribeAsync((top, _) =>
            {
                var now = Stopwatch.GetTimestamp();
                if (top.Stocks.FirstOrDefault(s => s.Code == codes[0]) is { } shown && reached.FirstOrDefault(r => r.Value >= shown.TradingValue) is { At: > 0 } first)
                {
                    freshness.Add(Stopwatch.GetElapsedTime(first.At, now).TotalMilliseconds);
                }

                return Task.CompletedTask;
            });
        var (pacedRate, pacedCpu, _) = await FeedAsync(grains, tapes, (tape, _) => tape.Next(batch, 389, 0), TimeSpan.FromSeconds(seconds), Paced, reached);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await subscription.UnsubscribeAsync();
        var ages = freshness.Order().ToArray();
        Console.WriteLine(ages.Length == 0
            ? $"ranking at {pacedRate:N0} trades/s: no top list pushed"
            : $"ranking at {pacedRate:N0} trades/s ({pacedCpu:0.00} cores): {ages.Length} top lists pushed in {seconds} s; the busiest stock's value in " +
              $"them was {ages[ages.Length / 2]:0} ms old at p50, {ages[(int)(ages.Length * 0.99)]:0} ms at p99, {ages[^1]:0} ms at most");
        // Every trade sent was applied: the grains' counts against the tapes'.
        var applied = 0L;
        foreach (var tape in tapes) applied += (await grains.GetGrain<IStockGrain>(tape.Code).GetSnapshot()).TickCount;
        var sent = tapes.Sum(t => t.Sent);
        const string leavesOut = "storage (it keeps nothing), serialization (in-silo calls) and minutes (a batch's trades share one minute)";
        report.Duration("search, per query over 2,500 listings", searchMicroseconds / 1000, "the grain call around it (the index alone)");
        report.Amount("managed heap per active stock grain holding a day", perGrain / 1024.0, "KB", "storage's own memory (the database is another process)");
        report.Rate("trades into 2,500 stock grains at full speed", rate, "trades", leavesOut);
        if (ages.Length > 0) report.Duration("age of the busiest stock's value in the pushed ranking, p50", ages[ages.Length / 2], leavesOut);
        report.Check($"the grains applied every trade the tapes sent ({applied:N0} of {sent:N0})", applied == sent);
        report.Check("the ranking pushed top lists under load", ages.Length > 0);
        await host.StopAsync();
        await RunStoredAcrossSilosAsync(report, stocks, batch, seconds);
    }

    /// <summary>
    /// 64 callers feed the stocks round-robin, at full speed or paced to <paramref name="perSecond"/> trades a second; a
    /// batch is what <paramref name="next"/> makes of a tape given the trades sent so far.
    /// </summary>
    private static async Task<(double Rate, double Cores, double GcPausedMs)> FeedAsync(IGrainFactory grains, Tape[] tapes, Func<Tape, long, Tick[]> next,
        TimeSpan duration, double? perSecond, ConcurrentQueue<(long At, long Value)>? reached)
    {
        const int Callers = 64;
        long sent = 0;
        var clock = Stopwatch.StartNew();
        var (paused0, cpu0) = (GC.GetTotalPauseDuration(), Process.GetCurrentProcess().TotalProcessorTime);
        await ForEachAsync(Enumerable.Range(0, Callers).ToArray(), Callers, async caller =>
        {
            while (clock.Elapsed < duration)
            {
                for (var i = caller; i < tapes.Length && clock.Elapsed < duration; i += Callers)
                {
                    if (perSecond is { } pace)
                    {
                        var due = TimeSpan.FromSeconds(Interlocked.Read(ref sent) / pace);
                        if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
                    }

                    var ticks = next(tapes[i], Interlocked.Read(ref sent));
                    await grains.GetGrain<IStockGrain>(tapes[i].Code).Feed(ticks, null);
                    if (i == 0) reached?.Enqueue((Stopwatch.GetTimestamp(), tapes[0].TradingValue));
                    Interlocked.Add(ref sent, ticks.Length);
                }
            }
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        return (sent / elapsed, (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / elapsed,
            (GC.GetTotalPauseDuration() - paused0).TotalMilliseconds);
    }

    /// <summary>Search over the sim's 2,500 listings: a mix of code, name, 초성 and English queries.</summary>
    private static double MeasureSearch()
    {
        var sim = new Gslts.KiwoomSim.SimOptions();
        var listings = Gslts.KiwoomSim.Market.MarketUniverse.Create(sim.Seed, sim.Listings);
        var index = new Gslts.Grains.Search.StockSearchIndex(listings.Select(l =>
            new Gslts.Grains.Search.SearchEntry(l.Code, l.Name, Gslts.Grains.Search.EnglishNames.All.GetValueOrDefault(l.Code), l.Market, l.Sector)));
        var values = listings.ToDictionary(l => l.Code, l => (long)(l.Liquidity * 1e9));
        string[] queries = ["005930", "0059", "삼성전자", "삼성", "ㅅㅅㅈㅈ", "ㅎㄷ", "삼성ㅈ", "samsung", "hynix", "전자"];
        var found = 0;
        foreach (var q in queries) found += index.Find(q, 20, values).Count;
        var clock = Stopwatch.StartNew();
        const int Rounds = 2_000;
        for (var i = 0; i < Rounds; i++) foreach (var q in queries) found += index.Find(q, 20, values).Count;
        var perQuery = clock.Elapsed.TotalMicroseconds / (Rounds * queries.Length);
        Console.WriteLine($"search: {perQuery:0} µs per query over {index.Count:N0} listings (code, name, 초성, mixed and English queries; {found:N0} hits in all)");
        return perQuery;
    }

    private static long HeapAfterCollection()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static Task ForEachAsync<T>(T[] items, int parallel, Func<T, Task> body) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) => await body(item));

    /// <summary>One stock's synthetic tape: prices around a base, the cumulative volume joining trade to trade.</summary>
    private sealed class Tape(string code, long basePrice)
    {
        private long volume;
        private long sequence;

        public string Code => code;

        public long TradingValue { get; private set; }

        public long Sent => sequence;

        /// <summary><paramref name="count"/> trades from <paramref name="minute"/> after 09:00, <paramref name="spread"/> seconds apart.</summary>
        public Tick[] Next(int count, int minute, int spread)
        {
            var nine = new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, 0)), Kst);
            return At(count, i => nine.AddMinutes(minute).AddSeconds(Math.Min(59 * 60, i * spread)));
        }

        /// <summary><paramref name="count"/> trades at market time <paramref name="time"/>, 10 ms apart.</summary>
        public Tick[] Live(int count, DateTimeOffset time) => At(count, i => time.AddMilliseconds(i * 10));

        private Tick[] At(int count, Func<int, DateTimeOffset> timeOf)
        {
            var ticks = new Tick[count];
            for (var i = 0; i < count; i++)
            {
                var price = basePrice + (sequence % 7 - 3) * (basePrice / 1_000);
                var quantity = sequence % 3 == 0 ? -5 : 10;
                volume += Math.Abs(quantity);
                TradingValue += price * Math.Abs(quantity);
                ticks[i] = new Tick(code, ++sequence, timeOf(i), price, quantity, price - basePrice, 0, 0, 0, volume);
            }

            return ticks;
        }
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.KiwoomBridge;
using Gslts.KiwoomBridge.Feeding;
using Gslts.KiwoomBridge.Realtime;
using Gslts.KiwoomSim.Market;
using Gslts.Krx;
using Gslts.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gslts.Silo.Tests.EndToEnd;

public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private const int MemoryTrades = 2_000;
    private const int InboxTrades = 1_000;
    // The sim sends at most this many items a frame: a pass of the feeder's loop may end a frame past its bound.
    private const int LargestFrame = 1_000;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Takes about two minutes of real time (the sim's trading cannot run on a fake clock): the stock grains' storage
    /// fails for a whole minute of continuous trading at 30x, then comes back before the close.
    /// </summary>
    [Fact]
    public async Task Storage_away_for_a_minute_loses_no_trade_and_the_journal_grows_on_disk_within_its_bound_and_says_so()
    {
        var outage = new StorageOutage();
        await using var host = await TestHost.StartAsync(builder => outage.Install(builder.Services),
            "--Gslts:Sim:StartTime=14:41:00", "--Gslts:Sim:Speed=30", "--Gslts:Sim:TradesPerSecond=20",
            "--Gslts:Kiwoom:LoadStockMaster=false", "--Gslts:Kiwoom:LoadDailyHistory=false",
            $"--Gslts:Kiwoom:Journal:MemoryTrades={MemoryTrades}", $"--Gslts:Kiwoom:Journal:InboxTrades={InboxTrades}",
            "--Gslts:Kiwoom:Journal:DegradedAge=00:00:05");
        var services = host.App.Services;
        var feed = services.GetRequiredService<FeedStatus>();
        var feeder = services.GetRequiredService<TickFeeder>();
        var market = services.GetRequiredService<SimMarket>();
        using var http = new HttpClient { BaseAddress = host.Web };

        Assert.True(await Poll.Until(() => feed.IsLoggedIn && feeder.Applied > 100 && feeder.Journal.State == JournalState.Normal, Patience));
        var printedBefore = market.Stats().Trades;
        outage.Begin();
        var samples = new List<JsonElement>();
        var outageEnds = DateTime.UtcNow + Outage;
        while (DateTime.UtcNow < outageEnds)
        {
            samples.Add(await JournalCheck(http));
            output.WriteLine($"{samples[^1].GetProperty("status").GetString()}: {samples[^1].GetProperty("description").GetString()}");
            // Sampling /healthz once a second through the outage (its length is the scenario, not a wait for data).
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        outage.End();
        Assert.Equal(MarketPhase.Continuous, market.Phase);
        Assert.True(market.Stats().Trades > printedBefore + 1_000, "the sim kept trading while storage was away");
        Assert.True(outage.FailedWrites > 0, "the stock grains tried to store and failed");

        // /healthz said the journal was growing while storage was away, on disk, and within its bound.
        var trades = samples.Select(s => Data(s, "trades")).ToList();
        Assert.True(trades[^1] > trades[0] + MemoryTrades, $"the journal grew: {string.Join(", ", trades)}");
        Assert.Contains(samples, s => s.GetProperty("status").GetString() == "Degraded"
            && s.GetProperty("description").GetString()!.Contains("storage is behind"));
        Assert.Contains(samples, s => Data(s, "onDisk") > 0);
        Assert.All(samples, s => Assert.InRange(Data(s, "inMemory"), 0, MemoryTrades + InboxTrades + LargestFrame));
        Assert.InRange(Data(samples[^1], "peakInMemory"), 0, 2 * MemoryTrades + InboxTrades + LargestFrame);

        // Storage is back: after the close every trade the sim printed is applied once, and the journal empties as it is stored.
        Assert.True(await Poll.Until(() => market.Phase == MarketPhase.Closed, Patience), "the sim closed");
        var printed = market.Stats().Stocks;
        var grains = services.GetRequiredService<IGrainFactory>();
        var codes = KiwoomOptions.DefaultCodes;
        string[] mismatches = [];
        var applied = await Poll.Until(async () =>
        {
            var seen = await Task.WhenAll(codes.Select(c => grains.GetGrain<IStockGrain>(c).GetSnapshot()));
            mismatches = Mismatches(seen, printed);
            return mismatches.Length == 0;
        }, Patience);
        Assert.True(applied, string.Join("; ", mismatches));
        Assert.True(await Poll.Until(() => feeder.Held == 0 && feeder.Journal.Trades == 0, Patience), $"the journal emptied: {feeder.Journal.Summary}");
        Assert.Equal("Healthy", (await JournalCheck(http)).GetProperty("status").GetString());
        Assert.Equal(0, feeder.SkippedVolume);

        // What storage holds, read by a new silo on the same database: the sim's day, each trade once.
        await host.App.StopAsync();
        await using var reader = await GsltsApp.StartAsync(
        [
            "--urls", FreePort.AnyPort, "--Gslts:Roles=silo", $"--ConnectionStrings:Gslts=Data Source={Path.Combine(host.Folder, "gslts.db")}",
            $"--Gslts:Cluster:SiloPort={FreePort.Next()}", $"--Gslts:Cluster:GatewayPort={FreePort.Next()}",
        ]);
        var stored = await Task.WhenAll(codes.Select(c => reader.Services.GetRequiredService<IGrainFactory>().GetGrain<IStockGrain>(c).GetSnapshot()));
        Assert.Empty(Mismatches(stored, printed));
        await reader.StopAsync();
    }

    private static string[] Mismatches(IEnumerable<StockSnapshot> seen, IReadOnlyDictionary<string, StockStats> printed) =>
    [
        .. seen
            .Where(s => (s.TickCount, s.Volume, s.TradingValue) != (printed[s.Code].Trades, printed[s.Code].Volume, printed[s.Code].TradingValue))
            .Select(s => $"{s.Code}: grain {s.TickCount} trades/{s.Volume}, sim {printed[s.Code].Trades}/{printed[s.Code].Volume}"),
    ];

    private static async Task<JsonElement> JournalCheck(HttpClient http)
    {
        using var response = await http.GetAsync("/healthz");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("journal");
    }

    private static long Data(JsonElement check, string name) => check.GetProperty("data").GetProperty(name).GetInt64();
}

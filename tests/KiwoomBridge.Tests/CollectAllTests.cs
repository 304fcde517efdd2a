using Gslts.KiwoomBridge.Realtime;
using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>Collect=All against a sim that caps each session's codes: the universe from ka10099, spread over two app keys.</summary>
public sealed class CollectAllTests : IAsyncLifetime
{
    private const int Cap = 6;
    private readonly CapturedLogs logs = new();
    private readonly (IGrainFactory Factory, RecordingGrains Recorder) grains = RecordingGrains.Create();
    private IHost host = null!;

    public async Task InitializeAsync() => (host, _) = await BridgeAgainstSimTests.StartAsync(logs, grains.Factory, "09:00:00", new Dictionary<string, string?>
    {
        ["Gslts:Sim:CodesPerSession"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gslts:Sim:Accounts:1:AppKey"] = "collect-feed-key-41d0",
        ["Gslts:Sim:Accounts:1:SecretKey"] = "collect-feed-secret-8e2b",
        ["Gslts:Sim:Accounts:1:AccountNo"] = "50000002",
        ["Gslts:Kiwoom:Collect"] = "All",
        ["Gslts:Kiwoom:CodesPerConnection"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gslts:Kiwoom:Codes:0"] = "000660",
        ["Gslts:Kiwoom:FeedKeys:0:AppKey"] = "collect-feed-key-41d0",
        ["Gslts:Kiwoom:FeedKeys:0:SecretKey"] = "collect-feed-secret-8e2b",
    });

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task The_listed_universe_is_spread_over_one_connection_per_app_key_with_the_configured_codes_first()
    {
        var feed = host.Services.GetRequiredService<FeedStatus>();
        var connections = host.Services.GetRequiredService<KiwoomRealtimeFeed>();
        var listed = host.Services.GetRequiredService<SimMarket>().Listings;

        await BridgeAgainstSimTests.Until(() => feed.IsLoggedIn && connections.Connections.Count == 2);

        Assert.Equal("000660", connections.Connections[0].Codes[0]);
        Assert.All(connections.Connections, c => Assert.Equal(Cap, c.Codes.Count));
        var live = connections.Connections.SelectMany(c => c.Codes).ToHashSet();
        Assert.Equal(2 * Cap, live.Count);
        Assert.Subset(listed.Select(l => l.Code).ToHashSet(), live);
        Assert.Equal((2, 2 * Cap, listed.Count - 2 * Cap), (feed.Connections, feed.LiveCodes, feed.Uncovered));
        Assert.Contains(logs.Lines, l => l.Contains($"{listed.Count - 2 * Cap} codes to collect do not fit") && l.Contains("NOT collected live"));
        Assert.False(feed.GaveUp, "the two connections log in with their own keys, so neither drops the other");
        Assert.DoesNotContain(logs.Lines, l => l.Contains("collect-feed-key-41d0") || l.Contains("collect-feed-secret-8e2b"));
    }

    [Fact]
    public async Task Trades_of_codes_on_either_connection_reach_their_grains_and_no_other_stock_is_fed()
    {
        var connections = host.Services.GetRequiredService<KiwoomRealtimeFeed>();
        await BridgeAgainstSimTests.Until(() => connections.Connections.Count == 2);
        var live = connections.Connections.Select(c => c.Codes).ToList();

        await BridgeAgainstSimTests.Until(() => live.All(codes => codes.Any(code => grains.Recorder.Stocks.TryGetValue(code, out var s) && s.Ticks.Count >= 3)));

        var fed = grains.Recorder.Stocks.Values.Where(s => s.Ticks.Count > 0).Select(s => s.Code);
        Assert.Subset(live.SelectMany(c => c).ToHashSet(), fed.ToHashSet());
    }
}

/// <summary>Collect=All while the stock list cannot be read: the configured codes stand in until it can.</summary>
public sealed class CollectAllFallbackTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private readonly (IGrainFactory Factory, RecordingGrains Recorder) grains = RecordingGrains.Create();
    private IHost host = null!;

    public async Task InitializeAsync() => (host, _) = await BridgeAgainstSimTests.StartAsync(logs, grains.Factory, "09:00:00",
        new Dictionary<string, string?>
        {
            ["Gslts:Kiwoom:Collect"] = "All",
            ["Gslts:Kiwoom:Codes:0"] = "005930",
            ["Gslts:Kiwoom:Codes:1"] = "000660",
            ["Gslts:Kiwoom:UniverseRetry"] = "00:00:02",
        },
        // Every REST call fails at first (each is tried four times): the stock list cannot be read at start.
        services => services.GetRequiredService<Gslts.KiwoomSim.Protocol.SimFaults>().FailRest(12));

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task The_configured_codes_are_collected_until_the_stock_list_answers_and_then_the_whole_plan_takes_over()
    {
        var feed = host.Services.GetRequiredService<FeedStatus>();
        var listed = host.Services.GetRequiredService<SimMarket>().Listings.Count;

        await BridgeAgainstSimTests.Until(() => feed.LiveCodes == 100 && feed.IsLoggedIn);

        Assert.Contains(logs.Lines, l => l.Contains("could not be read") && l.Contains("collecting the configured codes"));
        Assert.Contains(logs.Lines, l => l.Contains("2 codes over 1 connection(s)"));
        Assert.Contains(logs.Lines, l => l.Contains("re-planning the connections"));
        Assert.Equal(listed - 100, feed.Uncovered);
        var first = host.Services.GetRequiredService<KiwoomRealtimeFeed>().Connections.Single().Codes;
        Assert.Equal(["005930", "000660"], first.Take(2));
        var other = first.Skip(2).ToList();
        await BridgeAgainstSimTests.Until(() => other.Any(code => grains.Recorder.Stocks.TryGetValue(code, out var s) && s.Ticks.Count > 0));
    }
}

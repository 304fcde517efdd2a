using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Gslts.KiwoomBridge.Auth;
using Gslts.KiwoomBridge.Realtime;
using Gslts.KiwoomSim;
using Gslts.KiwoomSim.Market;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>The bridge's real code path against KiwoomSim on loopback, grains replaced by recorders.</summary>
public sealed class BridgeAgainstSimTests : IAsyncLifetime
{
    private const string AppKey = "bridge-test-app-key-7f3a";
    private const string SecretKey = "bridge-test-secret-9c1e";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly CapturedLogs logs = new();
    private readonly (IGrainFactory Factory, RecordingGrains Recorder) grains = RecordingGrains.Create();
    private IHost host = null!;
    private Uri sim = null!;

    private FeedStatus Feed => host.Services.GetRequiredService<FeedStatus>();

    public async Task InitializeAsync() => (host, sim) = await StartAsync(logs, grains.Factory, "09:00:00");

    /// <summary>KiwoomSim (opening its day at <paramref name="startTime"/>) and the bridge on loopback, grains replaced by recorders.</summary>
    internal static async Task<(IHost Host, Uri Sim)> StartAsync(
        CapturedLogs logs, IGrainFactory grains, string startTime, IReadOnlyDictionary<string, string?>? extra = null,
        Action<IServiceProvider>? beforeStart = null)
    {
        var sim = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Gslts:Sim:Urls"] = sim.ToString(),
                ["Gslts:Sim:TradesPerSecond"] = "3000",
                ["Gslts:Sim:StartTime"] = startTime,
                ["Gslts:Sim:Accounts:0:AppKey"] = AppKey,
                ["Gslts:Sim:Accounts:0:SecretKey"] = SecretKey,
                ["Gslts:Kiwoom:BaseUrl"] = sim.ToString(),
                ["Gslts:Kiwoom:AppKey"] = AppKey,
                ["Gslts:Kiwoom:SecretKey"] = SecretKey,
                // The exchange ranking's refreshes would spend this host's query budget and faults; its own tests switch it on.
                ["Gslts:Kiwoom:Ranking:Enabled"] = "false",
                ["Gslts:Kiwoom:GroupSize"] = "10",
                ["Gslts:Kiwoom:SilenceTimeout"] = "00:00:01.5",
                ["Gslts:Sim:PingInterval"] = "00:05:00",
                ["Gslts:Sim:PingTimeout"] = "00:10:00",
            }).AddInMemoryCollection(extra ?? new Dictionary<string, string?>()))
            .ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .ConfigureServices((context, services) => services
                .AddSingleton(grains)
                .AddKiwoomSim(context.Configuration)
                .AddKiwoomBridge(context.Configuration))
            .Build();
        beforeStart?.Invoke(host.Services);
        await host.StartAsync();
        return (host, sim);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Every_subscribed_stock_receives_the_days_trades_from_the_first_once_each_in_order()
    {
        await Until(() => KiwoomOptions.DefaultCodes.All(c => grains.Recorder.Stocks.TryGetValue(c, out var g) && g.Ticks.Count >= 3));

        foreach (var stock in grains.Recorder.Stocks.Values)
        {
            var ticks = stock.Ticks;
            Assert.All(ticks, t => Assert.Equal(stock.Code, t.Code));
            // Each trade joins on to the one before in the day's volume: none missing (the auction before the bridge
            // logged in is backfilled from the tape), none twice.
            Assert.Equal(ticks.Select(t => t.CumulativeVolume - Math.Abs(t.Quantity)), ticks.Select(t => t.CumulativeVolume).Prepend(0).SkipLast(1));
            Assert.All(ticks, t => Assert.True(t.Price > 0 && t.Quantity != 0));
        }

        Assert.Equal(0, Feed.Rejected);
        Assert.True(Feed.IsLoggedIn);
        await Until(() => grains.Recorder.Stocks["005930"].Book is not null);
        var book = grains.Recorder.Stocks["005930"].Book!;
        Assert.True(book.Asks.Length > 0 && book.Bids.Length > 0 && book.Bids[0].Price < book.Asks[0].Price);
        Assert.Equal(book.Asks.Select(l => l.Price).Order(), book.Asks.Select(l => l.Price));
    }

    [Fact]
    public async Task The_bridge_keeps_the_market_session_the_sim_announces_in_0s()
    {
        await Until(() => Feed.MarketSession is not null);

        Assert.Equal(("3", "장시작"), (Feed.MarketSession!.Code, Feed.MarketSession.Meaning));
        Assert.Equal(0, Feed.Rejected);
    }

    [Fact]
    public async Task After_the_sim_drops_every_socket_the_bridge_logs_in_again_and_trades_resume()
    {
        await Until(() => Feed.IsLoggedIn && Feed.TicksReceived > 0);

        using var http = new HttpClient { BaseAddress = sim };
        (await http.PostAsync("/sim/faults/drop-sockets", null)).EnsureSuccessStatusCode();
        await Until(() => Feed.Reconnects >= 1);
        var before = Feed.TicksReceived;

        await Until(() => Feed.IsLoggedIn && Feed.TicksReceived > before + 20);
    }

    [Fact]
    public async Task The_stock_master_names_every_listed_stock_in_its_grain()
    {
        var listed = host.Services.GetRequiredService<SimMarket>().Listings.Count;

        await Until(() => grains.Recorder.Stocks.Values.Count(s => s.Listing is not null) == listed);

        var samsung = grains.Recorder.Stocks["005930"].Listing!;
        Assert.Equal(("삼성전자", "KOSPI", "반도체", 71_000L), (samsung.Name, samsung.Market, samsung.Sector, samsung.PreviousClose));
        Assert.Contains(grains.Recorder.Stocks.Values, s => s.Listing?.Market == "KOSDAQ");
        await Until(() => grains.Recorder.Directory.Listings.Count == listed);
    }

    [Fact]
    public async Task Every_collected_stock_gets_about_a_year_of_daily_bars_from_the_broker()
    {
        await Until(() => KiwoomOptions.DefaultCodes.All(c => grains.Recorder.Stocks.TryGetValue(c, out var g) && g.Daily.Length > 0));

        var samsung = grains.Recorder.Stocks["005930"].Daily;
        var history = host.Services.GetRequiredService<SimMarket>().History("005930");
        Assert.Equal(250, samsung.Length);
        Assert.Equal(samsung.Select(b => b.Date).Order(), samsung.Select(b => b.Date).Reverse());
        Assert.Equal(history[^1].Close, samsung.Single(b => b.Date == history[^1].Date).Close);
    }

    [Fact]
    public async Task A_feed_that_goes_silent_is_replaced_and_trades_resume()
    {
        await Until(() => Feed.IsLoggedIn && Feed.TicksReceived > 0);
        using var http = new HttpClient { BaseAddress = sim };

        (await http.PostAsync("/sim/faults/pause-feed?seconds=4", null)).EnsureSuccessStatusCode();
        await Until(() => Feed.Reconnects >= 1);
        var before = Feed.TicksReceived;

        Assert.Contains("no message", Feed.LastError ?? logs.Lines.Last(l => l.Contains("no message")));
        await Until(() => Feed.IsLoggedIn && Feed.TicksReceived > before);
    }

    [Fact]
    public async Task Another_login_with_the_same_app_key_stops_the_feed_instead_of_fighting_it()
    {
        await Until(() => Feed.IsLoggedIn);
        var tokens = host.Services.GetRequiredService<KiwoomTokenClient>();

        using var intruder = new System.Net.WebSockets.ClientWebSocket();
        await intruder.ConnectAsync(new Uri($"ws://{sim.Authority}/api/dostk/websocket"), CancellationToken.None);
        var login = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { trnm = "LOGIN", token = await tokens.GetAsync(CancellationToken.None) }));
        await intruder.SendAsync(login, System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);

        await Until(() => Feed.GaveUp);
        var reconnects = Feed.Reconnects;
        // The feed's service ending proves no reconnect can follow: it runs the connections until each has stopped.
        var feedService = host.Services.GetRequiredService<KiwoomRealtimeFeed>();
        await feedService.ExecuteTask!.WaitAsync(Patience);
        Assert.False(Feed.IsLoggedIn);
        Assert.Equal(reconnects, Feed.Reconnects);
        Assert.Contains(logs.Lines, l => l.StartsWith("Critical") && l.Contains("R10001"));
    }

    [Fact]
    public async Task The_app_key_secret_and_token_never_reach_the_logs()
    {
        await Until(() => Feed.IsLoggedIn && Feed.TicksReceived > 10);
        var token = host.Services.GetRequiredService<KiwoomTokenClient>().Current!.Value;
        using var http = new HttpClient { BaseAddress = sim };
        (await http.PostAsync("/sim/faults/drop-sockets", null)).EnsureSuccessStatusCode();
        await Until(() => Feed.Reconnects >= 1 && Feed.IsLoggedIn);

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(AppKey) || l.Contains(SecretKey) || l.Contains(token));
    }

    [Fact]
    public async Task The_sim_counted_at_least_every_trade_the_bridge_received()
    {
        await Until(() => Feed.TicksReceived > 50);

        var stats = host.Services.GetRequiredService<SimMarket>().Stats();

        Assert.True(stats.Trades >= Feed.TicksReceived, $"sim printed {stats.Trades}, bridge received {Feed.TicksReceived}");
    }

    internal static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The bridge did not get there in time.");
            await Task.Delay(50);
        }
    }

}

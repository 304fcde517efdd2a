using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gslts.KiwoomSim;
using Gslts.KiwoomSim.Market;
using Gslts.Krx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gslts.KiwoomBridge.Tests;

/// <summary>
/// One KiwoomSim and bridge for the class, as <see cref="RestClientTests"/> builds them, run fast through the end of a short day
/// so that books, charts and rankings no longer move while the tests compare them with the sim's state.
/// </summary>
public sealed class ClosedMarketHost : IAsyncLifetime
{
    /// <summary>Rows per chart page; rankings page at a tenth of it.</summary>
    public const int ChartPageSize = 100;

    public const int RankingPageSize = ChartPageSize / 10;

    public IHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var sim = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        Host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Gslts:Sim:Urls"] = sim.ToString(),
                // Half an hour of virtual day in fifteen seconds, twenty minutes of continuous trading and the closing auction:
                // slow enough that a loaded machine still starts the sim before its close.
                ["Gslts:Sim:StartTime"] = "15:00:00",
                ["Gslts:Sim:Speed"] = "120",
                ["Gslts:Sim:TradesPerSecond"] = "30",
                ["Gslts:Sim:PageSize"] = ChartPageSize.ToString(CultureInfo.InvariantCulture),
                ["Gslts:Sim:Accounts:0:AppKey"] = "market-key",
                ["Gslts:Sim:Accounts:0:SecretKey"] = "market-secret",
                ["Gslts:Sim:Accounts:0:AccountNo"] = "70000002",
                ["Gslts:Kiwoom:BaseUrl"] = sim.ToString(),
                ["Gslts:Kiwoom:AppKey"] = "market-key",
                ["Gslts:Kiwoom:SecretKey"] = "market-secret",
                ["Gslts:Kiwoom:Ranking:Enabled"] = "false",
                ["Gslts:Kiwoom:Codes:0"] = "005930",
                ["Gslts:Kiwoom:LoadStockMaster"] = "false",
            }))
            .ConfigureServices((context, services) => services
                .AddSingleton(RecordingGrains.Create().Factory)
                .AddKiwoomSim(context.Configuration)
                .AddKiwoomBridge(context.Configuration))
            .Build();
        await Host.StartAsync();
        var market = Host.Services.GetRequiredService<SimMarket>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (market.Phase != MarketPhase.Closed) await Task.Delay(100, patience.Token);
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}

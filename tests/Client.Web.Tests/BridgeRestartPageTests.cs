using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gslts.Client.Web.Tests;

/// <summary>An open page keeps following the market when the bridge is restarted (its own host: silo, web and sim stay up).</summary>
public sealed class BridgeRestartPageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [ChromiumFact]
    public async Task An_open_page_keeps_updating_price_and_trade_count_after_the_bridge_restarts()
    {
        var folder = Directory.CreateTempSubdirectory("gslts-restart-").FullName;
        var simPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var market = await GsltsApp.StartAsync([
            "--urls", FreePort.AnyPort,
            "--Gslts:Roles=silo,web,sim",
            $"--ConnectionStrings:Gslts=Data Source={Path.Combine(folder, "gslts.db")}",
            $"--Gslts:Sim:Urls=http://127.0.0.1:{simPort}",
            "--Gslts:Sim:StartTime=09:00:00",
            $"--Gslts:Cluster:SiloPort={FreePort.Next()}", $"--Gslts:Cluster:GatewayPort={gatewayPort}",
        ]);
        // One stock only: the bridge's sequence then counts that stock's trades, and a restarted bridge stays below it for a while.
        string[] bridgeArguments =
        [
            "--urls", FreePort.AnyPort,
            "--Gslts:Roles=bridge",
            $"--ConnectionStrings:Gslts=Data Source={Path.Combine(folder, "gslts.db")}",
            $"--Gslts:Kiwoom:BaseUrl=http://127.0.0.1:{simPort}",
            "--Gslts:Kiwoom:Collect=List", "--Gslts:Kiwoom:Codes:0=005930",
            "--Gslts:Kiwoom:LoadDailyHistory=false",
            $"--Gslts:Cluster:SiloPort={FreePort.Next()}", $"--Gslts:Cluster:GatewayPort={gatewayPort}",
        ];
        WebApplication? bridge = await GsltsApp.StartAsync(bridgeArguments);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(market.Urls.First()) };
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await ChromiumFactAttribute.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
            await page.GotoAsync(market.Urls.First());
            var price = page.GetByTestId("price");
            var tickCount = page.GetByTestId("tick-count");
            await Assertions.Expect(price).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,]+원$"), new() { Timeout = (float)Patience.TotalMilliseconds });
            var shown = await CountOf(tickCount);
            Assert.True(await Poll.Until(async () => await CountOf(tickCount) > shown, Patience), "the page follows the first bridge");

            await bridge.StopAsync();
            await bridge.DisposeAsync();
            bridge = null;
            var before = await SnapshotAsync(http);
            bridge = await GsltsApp.StartAsync(bridgeArguments);
            var after = await Poll.Until(() => SnapshotAsync(http), s => s.TickCount >= before.TickCount + 5, Patience);
            output.WriteLine($"before the restart: {before.TickCount} trades, sequence {before.LastSequence}; after: {after.TickCount} trades, sequence {after.LastSequence}");

            Assert.True(after.TickCount >= before.TickCount + 5, "the new bridge feeds the grain");
            Assert.True(after.LastSequence < before.LastSequence, "the new bridge numbers its trades from the start again (what the page must not order by)");
            Assert.True(await Poll.Until(async () => await CountOf(tickCount) >= after.TickCount, TimeSpan.FromSeconds(20)),
                $"the page shows the trades the new bridge fed: {await tickCount.InnerTextAsync()} shown, {after.TickCount} in the grain");
            await Assertions.Expect(price).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,]+원$"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "after-bridge-restart.png") });
        }
        finally
        {
            if (bridge is not null)
            {
                await bridge.StopAsync();
                await bridge.DisposeAsync();
            }

            await market.StopAsync();
            await market.DisposeAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file the OS still holds open only leaves a temp folder behind.
            }
        }
    }

    private static async Task<long> CountOf(ILocator tickCount) =>
        long.TryParse(await tickCount.InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count) ? count : 0;

    private static async Task<StockSnapshot> SnapshotAsync(HttpClient http)
    {
        var response = await http.GetAsync("/api/stocks/005930");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StockSnapshot>())!;
    }
}

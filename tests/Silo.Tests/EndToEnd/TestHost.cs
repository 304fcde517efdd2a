using System.Net;
using Gslts.Silo.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Gslts.Silo.Tests.EndToEnd;

/// <summary>
/// The whole product (default roles, SQLite in a temp folder) started in-process on free ports (the web on port 0),
/// collecting the design's large caps live: the embedded default collects the whole market, which a test asks for.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private TestHost(WebApplication app, Uri web, string folder)
    {
        App = app;
        Web = web;
        Folder = folder;
    }

    public WebApplication App { get; }

    public Uri Web { get; }

    public string Folder { get; }

    public static string[] Arguments(string folder, int webPort, params string[] extra)
    {
        var simPort = FreePort.Next();
        return
        [
            "--urls", $"http://127.0.0.1:{webPort}",
            $"--ConnectionStrings:Gslts=Data Source={Path.Combine(folder, "gslts.db")}",
            $"--Gslts:Sim:Urls=http://127.0.0.1:{simPort}",
            $"--Gslts:Kiwoom:BaseUrl=http://127.0.0.1:{simPort}",
            "--Gslts:Sim:StartTime=09:00:00",
            $"--Gslts:Cluster:SiloPort={FreePort.Next()}",
            $"--Gslts:Cluster:GatewayPort={FreePort.Next()}",
            "--Gslts:Kiwoom:Collect=List",
            .. extra,
        ];
    }

    public static Task<TestHost> StartAsync(params string[] extra) => StartAsync(null, extra);

    /// <summary>The product with <paramref name="configure"/> run on its builder last (to replace a service with one that fails).</summary>
    public static async Task<TestHost> StartAsync(Action<WebApplicationBuilder>? configure, params string[] extra)
    {
        var folder = Directory.CreateTempSubdirectory("gslts-e2e-").FullName;
        // Port 0: the web server binds whatever port the OS gives and says which.
        var app = await GsltsApp.StartAsync(Arguments(folder, 0, extra), configure: configure);
        return new TestHost(app, new Uri(app.Urls.First()), folder);
    }

    /// <summary>Waits until the bridge has loaded the stock master: the web serves and watches only its stocks.</summary>
    public async Task StockMasterLoadedAsync(TimeSpan patience)
    {
        using var http = new HttpClient { BaseAddress = Web };
        var loaded = await Poll.Until(async () => (await http.GetAsync("/api/stocks/005930/daily")).StatusCode == HttpStatusCode.OK, patience);
        Assert.True(loaded, $"the stock master was not loaded within {patience}");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the OS still holds open only leaves a temp folder behind.
        }
    }
}

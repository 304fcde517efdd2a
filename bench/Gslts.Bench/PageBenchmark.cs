using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gslts.KiwoomSim.Market;
using Gslts.Silo.Hosting;
using Microsoft.Playwright;

namespace Gslts.Bench;

/// <summary>
/// Tick to screen: KiwoomSim in a child process prints the whole market; the product (silo, web and bridge roles in
/// this process, <c>Collect=All</c>) feeds the grains; Debian's Chromium opens the page on 005930 in its measurement
/// mode (<c>?measure=1</c>). The sim's probe stamps the wall clock when each 005930 trade was sent, the page stamps
/// the frame that painted it (the first paint whose day volume covers the trade); same machine, same clock. Also the
/// first load to a drawn chart, the long tasks the page ran and the production bundle's gzipped size.
/// </summary>
public static class PageBenchmark
{
    private const string Code = "005930";
    private const string Chromium = "/usr/bin/chromium";

    public static async Task Run(Report report, double tradesPerSecond, int seconds)
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium fonts-nanum");
        await using var sim = await SimProcess.StartAsync(tradesPerSecond / IntradayVolume.Weight(new TimeOnly(9, 0, 15)), "08:59:55");
        var folder = Directory.CreateTempSubdirectory("gslts-page-bench-").FullName;
        await using var app = await GsltsApp.StartAsync([
            "--urls", "http://127.0.0.1:0",
            "--Gslts:Roles=silo,web,bridge",
            $"--ConnectionStrings:Gslts=Data Source={Path.Combine(folder, "gslts.db")}",
            $"--Gslts:Cluster:SiloPort={BenchDatabase.FreePort()}", $"--Gslts:Cluster:GatewayPort={BenchDatabase.FreePort()}",
            $"--Gslts:Kiwoom:BaseUrl={sim.Address}", $"--Gslts:Kiwoom:AppKey={BenchSim.AppKey}", $"--Gslts:Kiwoom:SecretKey={BenchSim.SecretKey}",
            "--Gslts:Kiwoom:Collect=All", "--Gslts:Kiwoom:CodesPerConnection=2500", "--Gslts:Kiwoom:QueriesPerSecond=50",
            "--Gslts:Kiwoom:LoadDailyHistory=false",
            "--Logging:LogLevel:Default=Warning",
        ]);
        var web = new Uri(app.Urls.First());
        using var http = new HttpClient { BaseAddress = web };
        using var simHttp = new HttpClient { BaseAddress = sim.Address };
        for (var deadline = Stopwatch.StartNew(); (await http.GetAsync($"/api/stocks/{Code}")).StatusCode != HttpStatusCode.OK; await Task.Delay(200))
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"{Code} did not trade within 2 minutes");
        }

        (await simHttp.PostAsync($"/sim/probe/{Code}", null)).EnsureSuccessStatusCode();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var navigated = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await page.GotoAsync(new Uri(web, $"/stock/{Code}?measure=1").ToString());
        await page.WaitForFunctionAsync("() => window.__gsltsMeasure && window.__gsltsMeasure.firstChartAt > 0", null, new() { Timeout = 60_000 });
        var from = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var printedBefore = await sim.PrintedAsync();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var simCpu = sim.CpuTime;
        var window = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var elapsed = window.Elapsed.TotalSeconds;
        var printed = (await sim.PrintedAsync() - printedBefore) / elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        simCpu = sim.CpuTime - simCpu;
        // A second more for the window's last trades to reach the screen.
        await Task.Delay(1000);
        var measured = await page.EvaluateAsync<JsonElement>("() => window.__gsltsMeasure");
        var probe = await simHttp.GetFromJsonAsync<JsonElement>("/sim/probe");

        var firstChart = measured.GetProperty("firstChartAt").GetDouble() - navigated;
        var paints = measured.GetProperty("paints").EnumerateArray()
            .Select(p => (Volume: p.GetProperty("volume").GetInt64(), At: p.GetProperty("paintedAt").GetDouble())).OrderBy(p => p.At).ToArray();
        var prints = probe.GetProperty("prints").EnumerateArray()
            .Select(p => new ProbedPrint(p.GetProperty("volume").GetInt64(), p.GetProperty("printedAtMs").GetInt64()))
            .Where(p => p.PrintedAtMs >= from && p.PrintedAtMs <= from + seconds * 1000L).ToArray();
        var latencies = Latencies(prints, paints);
        var longTasks = measured.GetProperty("longTasks").EnumerateArray().Select(t => t.GetDouble()).ToArray();
        var bundle = GzippedBundle(Path.Combine(AppContext.BaseDirectory, "wwwroot", "assets"));

        Console.WriteLine($"page: {prints.Length:N0} trades of {Code} sent in {elapsed:0.0} s, {latencies.Count:N0} matched to a painted frame; {paints.Length:N0} paints; market printed {printed:N0} trades/s");
        const string leavesOut = "the network (loopback); sim in its own process, silo + web + bridge in one, Chromium headless on the same 2 cores";
        report.Rate("trades printed by the sim (whole market)", printed, "trades", leavesOut);
        report.Duration($"tick to screen p50 ({Code}: sent by the exchange → frame painted)", Percentile(latencies, 0.50), leavesOut);
        report.Duration("tick to screen p99", Percentile(latencies, 0.99), leavesOut);
        report.Duration("tick to screen max", latencies.Count == 0 ? double.NaN : latencies.Max(), leavesOut);
        report.Duration("first load to a drawn chart with today's candles", firstChart, "loopback; the page's files from the product's own static files");
        report.Amount("long tasks over 50 ms while measuring", longTasks.Count(t => t > 50), "tasks", $"longest {(longTasks.Length == 0 ? 0 : longTasks.Max()):0} ms");
        report.Amount("production bundle, gzipped", bundle / 1024.0, "KB", "the page's JavaScript and CSS (wwwroot/assets), gzip level 9");
        report.Amount("CPU product process (silo, web, bridge; Chromium apart)", cpu.TotalSeconds / elapsed, "cores", "Chromium's own processes are not in it");
        report.Amount("CPU sim process", simCpu.TotalSeconds / elapsed, "cores");
        report.Check($"every {Code} trade sent in the window reached a painted frame ({latencies.Count:N0} of {prints.Length:N0})", prints.Length > 0 && latencies.Count == prints.Length);
        report.Check($"tick to screen p99 under 100 ms ({Percentile(latencies, 0.99):0} ms)", Percentile(latencies, 0.99) < 100);
        report.Check("no long task over 50 ms", longTasks.All(t => t <= 50));
        report.Check($"first load under 1 s ({firstChart:0} ms)", firstChart < 1000);
        report.Check($"bundle at most 300 KB gzipped ({bundle / 1024.0:0} KB)", bundle <= 300 * 1024);
        await browser.CloseAsync();
    }

    /// <summary>For each trade, the first paint whose day volume includes it, minus when the exchange sent it.</summary>
    private static List<double> Latencies(ProbedPrint[] prints, (long Volume, double At)[] paints)
    {
        var latencies = new List<double>(prints.Length);
        foreach (var print in prints)
        {
            var painted = paints.FirstOrDefault(p => p.Volume >= print.Volume && p.At >= print.PrintedAtMs);
            if (painted.At > 0) latencies.Add(painted.At - print.PrintedAtMs);
        }

        return latencies;
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static long GzippedBundle(string folder)
    {
        long total = 0;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal)))
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) File.OpenRead(file).CopyTo(gzip);
            total += buffer.Length;
        }

        return total;
    }
}

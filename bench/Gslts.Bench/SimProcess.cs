using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Gslts.KiwoomSim.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gslts.Bench;

/// <summary>
/// KiwoomSim in a child process of the benchmark (the real Kiwoom is another machine; here it is at least another
/// process, so the bridge's own CPU time can be measured apart from the market's).
/// </summary>
public sealed class SimProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;

    private SimProcess(Process process, Uri address)
    {
        (this.process, Address) = (process, address);
        http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <c>Gslts.Bench sim ...</c> and waits for the address it prints.</summary>
    public static async Task<SimProcess> StartAsync(double tradesPerSecond, string startTime)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "sim", tradesPerSecond.ToString(CultureInfo.InvariantCulture), startTime }) start.ArgumentList.Add(arg);
        if (!Environment.ProcessPath!.EndsWith("Gslts.Bench", StringComparison.Ordinal)) start.ArgumentList.Insert(0, typeof(SimProcess).Assembly.Location);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the sim process");
        // Kiwoom's servers are not on the bridge's machine: here the market stands back when both want the same core.
        process.PriorityClass = ProcessPriorityClass.BelowNormal;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal)) return new SimProcess(process, new Uri(line["listening ".Length..]));
        }

        throw new InvalidOperationException("the sim process ended before it listened");
    }

    /// <summary>The child's side: runs the sim until its standard input closes.</summary>
    public static async Task ServeAsync(double tradesPerSecond, string startTime)
    {
        // No per-session cap: the bridge under test decides how many connections it spreads the market over.
        var host = await BenchSim.StartAsync(tradesPerSecond, startTime, ("Gslts:Sim:QueriesPerSecond", "50"), ("Gslts:Sim:CodesPerSession", "0"));
        Console.WriteLine($"listening {await host.Services.GetRequiredService<KiwoomSimServer>().BaseAddress}");
        await Console.In.ReadToEndAsync();
        await host.StopAsync();
    }

    /// <summary>Trades the sim has printed today (its ground truth, /sim/stats).</summary>
    public async Task<long> PrintedAsync() => (await http.GetFromJsonAsync<JsonElement>("/sim/stats")).GetProperty("trades").GetInt64();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(10))) process.Kill(entireProcessTree: true);
        process.Dispose();
        await Task.CompletedTask;
    }
}

using System.Globalization;
using Gslts.KiwoomSim;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gslts.Bench;

/// <summary>KiwoomSim on a free loopback port, printing the whole market at a target rate, with one account "bench".</summary>
public static class BenchSim
{
    public const string AppKey = "bench";
    public const string SecretKey = "bench-secret";

    public static async Task<IHost> StartAsync(double tradesPerSecond, string startTime, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gslts:Sim:Urls"] = "http://127.0.0.1:0",
            ["Gslts:Sim:TradesPerSecond"] = tradesPerSecond.ToString(CultureInfo.InvariantCulture),
            ["Gslts:Sim:StartTime"] = startTime,
            ["Gslts:Sim:Accounts:0:AppKey"] = AppKey,
            ["Gslts:Sim:Accounts:0:SecretKey"] = SecretKey,
            ["Gslts:Sim:Accounts:0:AccountNo"] = "1",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        var host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
            .ConfigureServices((context, services) => services.AddLogging().AddKiwoomSim(context.Configuration))
            .Build();
        await host.StartAsync();
        return host;
    }
}

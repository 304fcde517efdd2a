using System.Globalization;
using Gslts.KiwoomSim;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gslts.Bench;

/// <summary>
/// KiwoomSim on a free loopback port, printing the whole market at a target rate, with the account "bench" and
/// <see cref="FeedKeys"/> more accounts whose keys the bridge can open market-data connections with.
/// </summary>
public static class BenchSim
{
    public const string AppKey = "bench";
    public const string SecretKey = "bench-secret";
    public const int FeedKeys = 24;

    public static string FeedAppKey(int i) => $"bench-feed-{i}";

    public static string FeedSecretKey(int i) => $"bench-feed-secret-{i}";

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
        for (var i = 1; i <= FeedKeys; i++)
        {
            settings[$"Gslts:Sim:Accounts:{i}:AppKey"] = FeedAppKey(i);
            settings[$"Gslts:Sim:Accounts:{i}:SecretKey"] = FeedSecretKey(i);
            settings[$"Gslts:Sim:Accounts:{i}:AccountNo"] = (i + 1).ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in extra) settings[key] = value;
        var host = new HostBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
            .ConfigureServices((context, services) => services.AddLogging().AddKiwoomSim(context.Configuration))
            .Build();
        await host.StartAsync();
        return host;
    }
}

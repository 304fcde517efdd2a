using Gslts.KiwoomBridge;
using Gslts.KiwoomSim;
using Gslts.Silo.Configuration;
using Gslts.Silo.Hosting;
using Gslts.Silo.Tests.EndToEnd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gslts.Silo.Tests.Configuration;

/// <summary>The embedded default's bridge gets the in-process sim's feed accounts; no other bridge ever does.</summary>
public sealed class SimFeedKeysTests
{
    private static IReadOnlyDictionary<string, string?> KeysFor(string roles, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gslts:Sim:Urls"] = "http://localhost:5100",
            ["Gslts:Kiwoom:BaseUrl"] = "http://localhost:5100",
            ["Gslts:Kiwoom:AppKey"] = "gslts-sim-demo-key",
        }).AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        return SimFeedKeys.For(configuration, GsltsRoles.Parse(roles));
    }

    [Fact]
    public void A_bridge_on_the_in_process_sim_gets_one_feed_key_per_hundred_codes_beyond_its_own()
    {
        var keys = KeysFor(GsltsRoles.Default);

        var expected = SimFeedAccounts.For(new SimOptions());
        Assert.Equal(24, expected.Count);
        Assert.Equal(expected.Select(a => a.AppKey), Enumerable.Range(0, 24).Select(i => keys[$"Gslts:Kiwoom:FeedKeys:{i}:AppKey"]));
        Assert.Equal(expected.Select(a => a.SecretKey), Enumerable.Range(0, 24).Select(i => keys[$"Gslts:Kiwoom:FeedKeys:{i}:SecretKey"]));
        Assert.Equal(48, keys.Count);
    }

    [Fact]
    public void Loopback_names_of_the_sims_port_count_as_the_sim()
    {
        Assert.NotEmpty(KeysFor(GsltsRoles.Default, ("Gslts:Kiwoom:BaseUrl", "http://127.0.0.1:5100/")));
        Assert.NotEmpty(KeysFor(GsltsRoles.Default, ("Gslts:Sim:Urls", "http://127.0.0.1:5200"), ("Gslts:Kiwoom:BaseUrl", "http://localhost:5200")));
        Assert.Equal(2 * 3, KeysFor(GsltsRoles.Default, ("Gslts:Sim:FeedAccounts", "3")).Count);
    }

    [Theory]
    [InlineData("Gslts:Kiwoom:BaseUrl", "https://api.kiwoom.com")]
    [InlineData("Gslts:Kiwoom:BaseUrl", "https://mockapi.kiwoom.com")]
    [InlineData("Gslts:Kiwoom:BaseUrl", "http://localhost:5101")]
    [InlineData("Gslts:Kiwoom:BaseUrl", "http://10.0.0.7:5100")]
    [InlineData("Gslts:Kiwoom:WebSocketUrl", "wss://api.kiwoom.com:10000/api/dostk/websocket")]
    [InlineData("Gslts:Kiwoom:FeedKeys:0:AppKey", "an-operators-own-key")]
    [InlineData("Gslts:Sim:Urls", "http://127.0.0.1:0")]
    public void A_bridge_pointed_anywhere_but_this_processs_sim_or_with_keys_of_its_own_gets_none(string key, string value)
    {
        Assert.Empty(KeysFor(GsltsRoles.Default, (key, value)));
    }

    [Theory]
    [InlineData("silo,web,bridge")]
    [InlineData("bridge")]
    [InlineData("silo,web,sim")]
    public void Without_both_the_bridge_and_the_sim_in_this_process_there_are_none(string roles)
    {
        Assert.Empty(KeysFor(roles));
    }

    [Fact]
    public async Task The_product_pointed_at_a_real_kiwoom_host_runs_its_sim_without_handing_the_bridge_a_sim_key()
    {
        var folder = Directory.CreateTempSubdirectory("gslts-keys-").FullName;
        await using var app = GsltsApp.Create(TestHost.Arguments(folder, FreePort.Next(),
            "--Gslts:Kiwoom:BaseUrl=https://api.kiwoom.com", "--Gslts:Kiwoom:AppKey=operator-key", "--Gslts:Kiwoom:SecretKey=operator-secret"));
        await using var embedded = GsltsApp.Create(TestHost.Arguments(folder, FreePort.Next()));

        var real = app.Services.GetRequiredService<IOptions<KiwoomOptions>>().Value;
        var sim = embedded.Services.GetRequiredService<IOptions<KiwoomOptions>>().Value;

        Assert.Empty(real.FeedKeys);
        Assert.Equal(24, sim.FeedKeys.Count);
        Assert.All(sim.FeedKeys, k => Assert.StartsWith("gslts-sim-feed-", k.AppKey, StringComparison.Ordinal));
    }
}

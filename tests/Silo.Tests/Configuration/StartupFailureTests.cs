using System.Diagnostics;
using Gslts.Silo.Configuration;
using Gslts.Silo.Hosting;
using Gslts.Silo.Tests.EndToEnd;

namespace Gslts.Silo.Tests.Configuration;

public sealed class StartupFailureTests
{
    [Theory]
    [InlineData("--Gslts:Roles=silo,trader", "Gslts:Roles", "trader")]
    [InlineData("--Gslts:Roles= , ", "Gslts:Roles", "No role")]
    [InlineData("--Gslts:Cluster:SiloPort=eleven", "Gslts:Cluster:SiloPort", "eleven")]
    [InlineData("--Gslts:Storage:Provider=Oracle", "Gslts:Storage:Provider", "Oracle")]
    [InlineData("--Gslts:Storage:Provider=MariaDb", "ConnectionStrings:Gslts", "MariaDb")]
    [InlineData("--ConnectionStrings:Gslts=Colour=blue", "ConnectionStrings:Gslts", "SQLite")]
    [InlineData("--Gslts:Storage:WriteInterval=00:05:00", "Gslts:Storage:WriteInterval", "00:05:00")]
    [InlineData("--Gslts:Kiwoom:AppKey=", "Gslts:Kiwoom:AppKey", "required")]
    [InlineData("--Gslts:Kiwoom:Collect=Everything", "Gslts:Kiwoom:Collect", "List")]
    [InlineData("--Gslts:Kiwoom:FeedKeys:0:AppKey=gslts-sim-demo-key", "Gslts:Kiwoom:FeedKeys", "SecretKey")]
    [InlineData("--Gslts:Sim:Urls=localhost:5100", "Gslts:Sim:Urls", "absolute")]
    [InlineData("--Gslts:Sim:FeedAccounts=-1", "Gslts:Sim:FeedAccounts", "between 0 and 1000")]
    [InlineData("--Gslts:Kiwoom:Ranking:Interval=00:00:00", "Gslts:Kiwoom:Ranking", "Interval")]
    [InlineData("--Gslts:Kiwoom:Ranking:Rows=0", "Gslts:Kiwoom:Ranking", "Rows")]
    [InlineData("--Gslts:Kiwoom:Journal:MemoryTrades=10", "Gslts:Kiwoom:Journal:MemoryTrades", "1000")]
    [InlineData("--Gslts:Kiwoom:AccountAttempts=0", "Gslts:Kiwoom:AccountAttempts", "between")]
    [InlineData("--Gslts:Web:Market:MaxWatchesPerConnection=0", "Gslts:Web:Market:MaxWatchesPerConnection", "between 1 and 20")]
    [InlineData("--Gslts:Web:RateLimits:RequestsPerSecond=0", "Gslts:Web:RateLimits:RequestsPerSecond", "at least 1")]
    [InlineData("--Gslts:Web:RateLimits:HubCallBurst=-5", "Gslts:Web:RateLimits:HubCallBurst", "at least 1")]
    public async Task Bad_configuration_stops_start_up_naming_the_key_to_fix(string argument, string key, string mentioned)
    {
        string[] args = argument.Contains("Provider=MariaDb")
            ? [argument, "--ConnectionStrings:Gslts="]
            : TestHost.Arguments(Path.GetTempPath(), FreePort.Next(), argument);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => GsltsApp.StartAsync(args));

        var reason = StartupFailure.Describe(failure);
        Assert.NotNull(reason);
        Assert.Contains(key, reason);
        Assert.Contains(mentioned, reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unreachable_database_stops_start_up_naming_the_connection_string_without_its_password()
    {
        string[] args =
        [
            "--Gslts:Storage:Provider=MariaDb",
            $"--ConnectionStrings:Gslts=Server=127.0.0.1;Port={FreePort.Next()};User ID=gslts;Password=hunter2secret;Database=gslts;Connection Timeout=3",
            $"--Gslts:Cluster:SiloPort={FreePort.Next()}", $"--Gslts:Cluster:GatewayPort={FreePort.Next()}",
            "--Gslts:Roles=silo",
        ];

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => GsltsApp.StartAsync(args));

        var reason = StartupFailure.Describe(failure);
        Assert.NotNull(reason);
        Assert.Contains("ConnectionStrings:Gslts", reason);
        Assert.DoesNotContain("hunter2secret", reason);
    }

    [Fact]
    public async Task The_silo_process_prints_one_line_and_exits_2_on_an_unknown_role()
    {
        var silo = Path.Combine(AppContext.BaseDirectory, "Gslts.Silo.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { silo, "--Gslts:Roles=silo,trader" }) start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, process.ExitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("Gslts:Roles", lines[0]);
        Assert.DoesNotContain("   at ", stderr);
    }
}

public sealed class GsltsRolesTests
{
    [Fact]
    public void Default_runs_every_role_in_one_process()
    {
        Assert.Equal(new GsltsRoles(true, true, true, true), GsltsRoles.Parse(null));
    }

    [Fact]
    public void A_web_node_without_a_silo_joins_the_cluster_as_a_client()
    {
        var roles = GsltsRoles.Parse(" Web ,bridge");

        Assert.Equal(new GsltsRoles(false, true, true, false), roles);
        Assert.True(roles.NeedsClusterClient);
    }
}

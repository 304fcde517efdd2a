using Gslts.Silo.Hosting;
using Gslts.Silo.Tests.EndToEnd;

namespace Gslts.Silo.Tests.Configuration;

public sealed class SectorConfigurationTests
{
    [Theory]
    [InlineData("--Gslts:SectorMap:Etfs:QQQ:Sectors:0:Name=반도체", "Gslts:SectorMap:Etfs:QQQ", "not a US sector ETF")]
    [InlineData("--Gslts:SectorMap:Etfs:XLK:Sectors:0:Codes:0=5930", "Gslts:SectorMap:Etfs:XLK:Sectors:0", "5930")]
    [InlineData("--Gslts:Strategy:TopFraction=2", "Gslts:Strategy:TopFraction", "top 20%")]
    [InlineData("--Gslts:UsMarket:Source=Bloomberg", "Gslts:UsMarket:Source", "Yahoo")]
    public async Task A_bad_sector_strategy_or_US_market_setting_stops_start_up_naming_the_key(string argument, string key, string mentioned)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => GsltsApp.StartAsync(TestHost.Arguments(Path.GetTempPath(), FreePort.Next(), argument)));

        var reason = StartupFailure.Describe(failure);
        Assert.NotNull(reason);
        Assert.Contains(key, reason);
        Assert.Contains(mentioned, reason, StringComparison.OrdinalIgnoreCase);
    }
}

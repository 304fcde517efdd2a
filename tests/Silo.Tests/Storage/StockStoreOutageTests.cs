using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Stocks;
using Gslts.Silo.Hosting;
using Gslts.Silo.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Gslts.Silo.Tests.Storage;

/// <summary>
/// The feed's contract when the database goes away under a running silo: Persisted stays where storage is while commits
/// fail (so the feed keeps the trades), catches up once the database is back, and a restart finds it all.
/// </summary>
public sealed class StockStoreOutageTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Fact]
    public async Task Sqlite_a_database_that_fails_holds_persisted_back_until_it_is_back_and_loses_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("gslts-outage-").FullName;
        try
        {
            await OutageAsync(new StorageSettings(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "gslts.db")}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [MariaDbFact]
    public async Task MariaDb_a_database_that_fails_holds_persisted_back_until_it_is_back_and_loses_nothing()
    {
        await using var database = await ScratchDatabase.CreateAsync(MariaDbFactAttribute.ConnectionString!);
        await OutageAsync(new StorageSettings(StorageProvider.MariaDb, database.ConnectionString));
    }

    private static async Task OutageAsync(StorageSettings settings)
    {
        StockSnapshot applied;
        Candle[] candles;
        await using (var silo = await StartSilo(settings))
        {
            var stock = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IStockGrain>("900300");
            await stock.Ingest([Trade(1, "090000", 10_000, 5, 5)]);
            await Poll.Until(() => stock.Ingest([]), r => r.Persisted == 5, TimeSpan.FromSeconds(15));
            using var counters = new StoreCounters((BatchedStockStore)silo.Services.GetRequiredService<IStockStore>());
            await ExecuteAsync(settings, "ALTER TABLE GsltsStockDay RENAME TO GsltsStockDayAway");

            var during = await stock.Ingest([Trade(2, "090010", 10_050, 3, 8), Trade(3, "090110", 10_100, -2, 10)]);
            Assert.True(await Poll.Until(() => counters.Sum("gslts.storage.stocks.failed_commits") >= 2, TimeSpan.FromSeconds(15)), "no commit failed");
            Assert.Equal((10L, 5L), (during.Applied, (await stock.Ingest([])).Persisted));

            await ExecuteAsync(settings, "ALTER TABLE GsltsStockDayAway RENAME TO GsltsStockDay");
            var after = await Poll.Until(() => stock.Ingest([]), r => r.Persisted == 10, TimeSpan.FromSeconds(15));
            Assert.Equal(10, after.Persisted);
            (applied, candles) = (await stock.GetSnapshot(), await stock.GetMinuteCandles());
            await silo.StopAsync();
        }

        await using var restarted = await StartSilo(settings);
        var again = restarted.Services.GetRequiredService<IGrainFactory>().GetGrain<IStockGrain>("900300");
        Assert.Equal(applied, await again.GetSnapshot());
        Assert.Equal(candles, await again.GetMinuteCandles());
        Assert.Equal([8L, 2L], candles.Select(c => c.Volume));
        await restarted.StopAsync();
    }

    private static Tick Trade(long sequence, string hhmmss, long price, long quantity, long volume) =>
        new("900300", sequence, new DateTimeOffset(Day.ToDateTime(TimeOnly.ParseExact(hhmmss, "HHmmss")), TimeSpan.FromHours(9)),
            price, quantity, price - 10_000, DayOpen: 0, DayHigh: 0, DayLow: 0, CumulativeVolume: volume);

    private static async Task ExecuteAsync(StorageSettings settings, string sql)
    {
        await using var connection = settings.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static Task<WebApplication> StartSilo(StorageSettings settings) => GsltsApp.StartAsync(
    [
        "--urls", $"http://127.0.0.1:{FreePort.Next()}",
        "--Gslts:Roles=silo",
        $"--Gslts:Storage:Provider={settings.Provider}",
        $"--ConnectionStrings:Gslts={settings.ConnectionString}",
        $"--Gslts:Cluster:SiloPort={FreePort.Next()}",
        $"--Gslts:Cluster:GatewayPort={FreePort.Next()}",
    ]);
}

using Gslts.Grains.Interfaces.Stocks;
using Gslts.Silo.Hosting;
using Gslts.Silo.Storage;
using Gslts.Silo.Tests.EndToEnd;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Orleans.Runtime;

namespace Gslts.Silo.Tests.Storage;

/// <summary>A silo writes grain state and a reminder, stops, and a new silo on the same database reads both back.</summary>
public sealed class StorageRestartTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Fact]
    public async Task Sqlite_keeps_grain_state_and_reminders_across_a_silo_restart()
    {
        var folder = Directory.CreateTempSubdirectory("gslts-sqlite-").FullName;
        try
        {
            await WriteRestartAndReadBack("Sqlite", $"Data Source={Path.Combine(folder, "gslts.db")}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [MariaDbFact]
    public async Task MariaDb_keeps_grain_state_and_reminders_across_a_silo_restart()
    {
        await using var database = await ScratchDatabase.CreateAsync(MariaDbFactAttribute.ConnectionString!);
        await WriteRestartAndReadBack("MariaDb", database.ConnectionString);
    }

    [Fact]
    public async Task Creating_the_schema_twice_changes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("gslts-sqlite-").FullName;
        try
        {
            await SchemaTwiceChangesNothing(new StorageSettings(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "gslts.db")};Pooling=false"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [MariaDbFact]
    public async Task Creating_the_MariaDb_schema_twice_changes_nothing()
    {
        await using var database = await ScratchDatabase.CreateAsync(MariaDbFactAttribute.ConnectionString!);
        await SchemaTwiceChangesNothing(new StorageSettings(StorageProvider.MariaDb, database.ConnectionString));
    }

    private static async Task SchemaTwiceChangesNothing(StorageSettings settings)
    {
        await DatabaseSchema.EnsureCreatedAsync(settings, CancellationToken.None);
        var first = await SchemaSnapshot.ReadAsync(settings);

        await DatabaseSchema.EnsureCreatedAsync(settings, CancellationToken.None);

        Assert.Contains(first, f => f.StartsWith("column OrleansStorage", StringComparison.Ordinal) && f.Contains("PayloadBinary", StringComparison.Ordinal));
        Assert.Contains(first, f => f.StartsWith("index", StringComparison.Ordinal) && f.Contains("IX_OrleansRemindersTable_GrainHash", StringComparison.Ordinal));
        Assert.Equal(first, await SchemaSnapshot.ReadAsync(settings));
    }

    private static async Task WriteRestartAndReadBack(string provider, string connectionString)
    {
        var grainId = GrainId.Create("stock", "900100");
        Tick Trade(long sequence, int minute, int second, long price, long quantity, long volume) =>
            new("900100", sequence, new DateTimeOffset(Day.ToDateTime(new TimeOnly(9, minute, second)), TimeSpan.FromHours(9)),
                price, quantity, price - 70_000, DayOpen: 0, DayHigh: 0, DayLow: 0, CumulativeVolume: volume);

        StockSnapshot written;
        Candle[] candles;
        await using (var first = await StartSilo(provider, connectionString))
        {
            var stock = first.Services.GetRequiredService<IGrainFactory>().GetGrain<IStockGrain>("900100");
            await stock.SetListing(new StockListing("900100", "테스트전자", "KOSDAQ", "반도체", 70_000));
            await stock.Ingest([Trade(1, 0, 1, 70_200, 15, 15)]);
            // The last minute is still forming at the stop: it must come back with all its trades.
            await stock.Ingest([Trade(2, 1, 5, 70_300, -4, 19), Trade(3, 1, 40, 70_100, 6, 25)]);
            written = await stock.GetSnapshot();
            candles = await stock.GetMinuteCandles();
            await first.Services.GetRequiredService<IReminderTable>().UpsertRow(new ReminderEntry
            {
                GrainId = grainId, ReminderName = "morning-plan", StartAt = new DateTime(2026, 11, 24, 23, 0, 0, DateTimeKind.Utc),
                Period = TimeSpan.FromDays(1),
            });
            await first.StopAsync();
        }

        await using var second = await StartSilo(provider, connectionString);
        var restarted = second.Services.GetRequiredService<IGrainFactory>().GetGrain<IStockGrain>("900100");
        var read = await restarted.GetSnapshot();
        var reminders = await second.Services.GetRequiredService<IReminderTable>().ReadRows(grainId);

        Assert.Equal(written, read);
        Assert.Equal((70_100L, 25L, 3L, "테스트전자"), (read.Price, read.Volume, read.LastSequence, read.Name));
        Assert.Equal(candles, await restarted.GetMinuteCandles());
        Assert.Equal([15L, 10L], candles.Select(c => c.Volume));
        var reminder = Assert.Single(reminders.Reminders);
        Assert.Equal(("morning-plan", TimeSpan.FromDays(1)), (reminder.ReminderName, reminder.Period));
        Assert.Equal(new DateTime(2026, 11, 24, 23, 0, 0, DateTimeKind.Utc), reminder.StartAt);
        await second.StopAsync();
    }

    private static Task<WebApplication> StartSilo(string provider, string connectionString) => GsltsApp.StartAsync(
    [
        "--urls", $"http://127.0.0.1:{FreePort.Next()}",
        "--Gslts:Roles=silo",
        $"--Gslts:Storage:Provider={provider}",
        $"--ConnectionStrings:Gslts={connectionString}",
        $"--Gslts:Cluster:SiloPort={FreePort.Next()}",
        $"--Gslts:Cluster:GatewayPort={FreePort.Next()}",
    ]);
}

/// <summary>A fresh MariaDB database for one test, dropped afterwards, so runs never see each other's rows.</summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private ScratchDatabase(string server, string name, string connectionString) =>
        (this.server, this.name, ConnectionString) = (server, name, connectionString);

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string connectionString)
    {
        var name = $"gslts_test_{Guid.NewGuid():N}"[..30];
        var server = new MySqlConnectionStringBuilder(connectionString) { Database = "" }.ConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4");
        return new ScratchDatabase(server, name, new MySqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS `{name}`");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

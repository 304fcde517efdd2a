using System.Net;
using System.Net.Sockets;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Silo.Storage;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Gslts.Bench;

/// <summary>
/// What the storage benchmarks share: a database of their own (a temp SQLite file, or a scratch MariaDB database on
/// GSLTS_MARIADB's server, dropped at the end), and the check that what is stored is what the grains applied.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string MariaDbVariable = "GSLTS_MARIADB";
    private readonly Func<Task> drop;

    private BenchDatabase(StorageSettings settings, Func<Task> drop) => (Settings, this.drop) = (settings, drop);

    public StorageSettings Settings { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider)
    {
        if (provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Directory.CreateTempSubdirectory("gslts-bench-").FullName;
            var sqlite = new StorageSettings(StorageProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "gslts.db"), Pooling = true }.ToString());
            await DatabaseSchema.EnsureCreatedAsync(sqlite, CancellationToken.None);
            return new BenchDatabase(sqlite, () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable(MariaDbVariable)
            ?? throw new InvalidOperationException($"{MariaDbVariable} must hold a MariaDB connection string (its user creates and drops a scratch database)");
        var name = $"gslts_bench_{Guid.NewGuid():N}"[..28];
        var admin = new MySqlConnectionStringBuilder(server) { Database = "" }.ConnectionString;
        await ExecuteAsync(admin, $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4");
        var mariadb = new StorageSettings(StorageProvider.MariaDb, new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        await DatabaseSchema.EnsureCreatedAsync(mariadb, CancellationToken.None);
        return new BenchDatabase(mariadb, async () =>
        {
            MySqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS `{name}`");
        });
    }

    /// <summary>
    /// For every stock: its stored day (read back as a re-activation would) against what its grain has applied — the
    /// day's volume, trade count and value, and every minute candle. Returns the stocks that differ.
    /// </summary>
    public async Task<List<string>> StoredEqualsAppliedAsync(IGrainFactory grains, IEnumerable<string> codes)
    {
        var tables = new StockTables(Settings);
        var differ = new List<string>();
        await Parallel.ForEachAsync(codes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (code, ct) =>
        {
            var grain = grains.GetGrain<IStockGrain>(code);
            var (applied, candles, stored) = (await grain.GetSnapshot(), await grain.GetMinuteCandles(), await tables.ReadAsync(code, ct));
            var same = (stored.Day.Volume, stored.Day.TickCount, stored.Day.TradingValue) == (applied.Volume, applied.TickCount, applied.TradingValue)
                && stored.Candles.SequenceEqual(candles);
            if (!same) lock (differ) differ.Add($"{code}: applied {applied.TickCount} trades/{applied.Volume}, stored {stored.Day.TickCount}/{stored.Day.Volume}, candles {candles.Length} vs {stored.Candles.Count}");
        });
        return differ;
    }

    public async ValueTask DisposeAsync() => await drop();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

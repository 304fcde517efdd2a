using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Stocks;
using Gslts.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gslts.Silo.Tests.Storage;

/// <summary>The silo's stock store on the real databases: what it writes comes back exactly, many stocks share a transaction, a failed one stores nothing.</summary>
public sealed class StockStoreTests
{
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Fact]
    public Task Sqlite_reads_back_exactly_the_day_the_listing_and_the_candles_it_wrote() => OnSqlite(ReadsBackExactlyWhatItWrote);

    [MariaDbFact]
    public Task MariaDb_reads_back_exactly_the_day_the_listing_and_the_candles_it_wrote() => OnMariaDb(ReadsBackExactlyWhatItWrote);

    [Fact]
    public Task Sqlite_stores_the_writes_of_many_stocks_queued_within_an_interval_in_one_transaction() => OnSqlite(ManyStocksOneTransaction);

    [MariaDbFact]
    public Task MariaDb_stores_the_writes_of_many_stocks_queued_within_an_interval_in_one_transaction() => OnMariaDb(ManyStocksOneTransaction);

    [Fact]
    public Task Sqlite_stores_nothing_of_a_failed_commit_and_the_write_again_stores_it() => OnSqlite(FailedCommitStoresNothing);

    [MariaDbFact]
    public Task MariaDb_stores_nothing_of_a_failed_commit_and_the_write_again_stores_it() => OnMariaDb(FailedCommitStoresNothing);

    [Fact]
    public Task Sqlite_never_takes_a_day_or_a_candle_back_and_a_later_day_drops_the_candles_before_it() => OnSqlite(StaleWritesAndNewDays);

    [MariaDbFact]
    public Task MariaDb_never_takes_a_day_or_a_candle_back_and_a_later_day_drops_the_candles_before_it() => OnMariaDb(StaleWritesAndNewDays);

    private static async Task ReadsBackExactlyWhatItWrote(StorageSettings settings)
    {
        await using var store = Store(settings);
        var day = Day("005930", Monday, volume: 1_234);
        Candle[] candles = [Candle(Monday, 9, 0, 700), Candle(Monday, 9, 1, 500), Candle(Monday, 15, 30, 34)];

        await store.WriteAsync(new StockDayWrite("005930", day, candles, ListingChanged: true, DayStarted: true), CancellationToken.None);
        var read = await store.ReadAsync("005930", CancellationToken.None);

        Assert.Equal(day, read.Day);
        Assert.Equal(candles, read.Candles);
        Assert.Equal(TimeSpan.FromHours(9), read.Day.LastTradeTime!.Value.Offset);
        Assert.Same(StoredStockDay.Empty, await store.ReadAsync("000660", CancellationToken.None));
    }

    private static async Task ManyStocksOneTransaction(StorageSettings settings)
    {
        await using var store = Store(settings);
        using var counters = new StoreCounters(store);
        // The first write of a quiet store goes at once; what is queued during the interval after it goes together.
        await store.WriteAsync(new StockDayWrite("100000", Day("100000", Monday, 1), [Candle(Monday, 9, 0, 1)], true, true), CancellationToken.None);

        var codes = Enumerable.Range(100_001, 600).Select(c => c.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        await Task.WhenAll(codes.Select(code =>
            store.WriteAsync(new StockDayWrite(code, Day(code, Monday, 10), [Candle(Monday, 9, 0, 4), Candle(Monday, 9, 1, 6)], true, true), CancellationToken.None)));

        Assert.Equal(2, counters.Sum("gslts.storage.stocks.commits"));
        Assert.Equal(3 + 600 * 4, counters.Sum("gslts.storage.stocks.rows"));
        foreach (var code in new[] { codes[0], codes[299], codes[^1] })
        {
            var read = await store.ReadAsync(code, CancellationToken.None);
            Assert.Equal((10L, 2), (read.Day.Volume, read.Candles.Count));
        }
    }

    private static async Task FailedCommitStoresNothing(StorageSettings settings)
    {
        await using var store = Store(settings);
        var write = new StockDayWrite("005930", Day("005930", Monday, 50), [Candle(Monday, 9, 0, 50)], ListingChanged: true, DayStarted: true);
        await ExecuteAsync(settings, "ALTER TABLE GsltsStockDay RENAME TO GsltsStockDayAway");

        // The listing and the candles go before the day in the transaction: they must not stay when the day fails.
        await Assert.ThrowsAnyAsync<Exception>(() => store.WriteAsync(write, CancellationToken.None));
        await ExecuteAsync(settings, "ALTER TABLE GsltsStockDayAway RENAME TO GsltsStockDay");
        Assert.Same(StoredStockDay.Empty, await store.ReadAsync("005930", CancellationToken.None));
        Assert.Equal(0L, await ScalarAsync(settings, "SELECT COUNT(*) FROM GsltsMinuteCandle") + await ScalarAsync(settings, "SELECT COUNT(*) FROM GsltsStockListing"));

        await store.WriteAsync(write, CancellationToken.None);
        var read = await store.ReadAsync("005930", CancellationToken.None);
        Assert.Equal((write.Day, write.Candles[0]), (read.Day, Assert.Single(read.Candles)));
    }

    private static async Task StaleWritesAndNewDays(StorageSettings settings)
    {
        await using var store = Store(settings);
        var tuesday = Monday.AddDays(1);
        await store.WriteAsync(new StockDayWrite("005930", Day("005930", Monday, 100), [Candle(Monday, 9, 0, 100)], true, true), CancellationToken.None);

        // An older activation's write, stored late: less volume of the same day.
        await store.WriteAsync(new StockDayWrite("005930", Day("005930", Monday, 60), [Candle(Monday, 9, 0, 60)], false, false), CancellationToken.None);
        var stale = await store.ReadAsync("005930", CancellationToken.None);
        Assert.Equal((100L, 100L), (stale.Day.Volume, Assert.Single(stale.Candles).Volume));

        await store.WriteAsync(new StockDayWrite("005930", Day("005930", tuesday, 7), [Candle(tuesday, 9, 0, 7)], false, DayStarted: true), CancellationToken.None);
        await store.WriteAsync(new StockDayWrite("005930", Day("005930", Monday, 200), [], false, false), CancellationToken.None);

        var read = await store.ReadAsync("005930", CancellationToken.None);
        Assert.Equal((tuesday, 7L), (read.Day.TradingDate, read.Day.Volume));
        Assert.Equal([7L], read.Candles.Select(c => c.Volume));
        Assert.Equal(1L, await ScalarAsync(settings, "SELECT COUNT(*) FROM GsltsMinuteCandle"));
    }

    private static BatchedStockStore Store(StorageSettings settings) =>
        new(settings with { WriteInterval = TimeSpan.FromSeconds(1) }, TimeProvider.System, NullLogger<BatchedStockStore>.Instance);

    private static StockDayState Day(string code, DateOnly date, long volume) => new()
    {
        TradingDate = date, Price = 70_200, BasePrice = 70_000, Open = 69_900, High = 70_500, Low = 69_800, Volume = volume,
        TradingValue = volume * 70_100, TickCount = volume / 2 + 1, LastSequence = 9_876_543_210, MissedVolume = 3, BuyVolume = volume / 3, SellVolume = volume / 4,
        LastTradeTime = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 11, 12, 345)), Kst),
        Listing = new StockListing(code, "삼성전자", "KOSPI", "전기·전자", 70_000),
    };

    private static Candle Candle(DateOnly date, int hour, int minute, long volume) =>
        new(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), Kst), 70_000, 70_300, 69_900, 70_100, volume, volume * 70_050);

    private static async Task OnSqlite(Func<StorageSettings, Task> body)
    {
        var folder = Directory.CreateTempSubdirectory("gslts-stocks-").FullName;
        try
        {
            var settings = new StorageSettings(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "gslts.db")}");
            await DatabaseSchema.EnsureCreatedAsync(settings, CancellationToken.None);
            await body(settings);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task OnMariaDb(Func<StorageSettings, Task> body)
    {
        await using var database = await ScratchDatabase.CreateAsync(MariaDbFactAttribute.ConnectionString!);
        var settings = new StorageSettings(StorageProvider.MariaDb, database.ConnectionString);
        await DatabaseSchema.EnsureCreatedAsync(settings, CancellationToken.None);
        await body(settings);
    }

    private static async Task ExecuteAsync(StorageSettings settings, string sql)
    {
        await using var connection = settings.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(StorageSettings settings, string sql)
    {
        await using var connection = settings.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

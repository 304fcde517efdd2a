using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Gslts.Grains.Interfaces.Stocks;
using Gslts.Grains.Stocks;

namespace Gslts.Silo.Storage;

/// <summary>
/// The stock store's tables on SQLite or MariaDB (Sql/*/schema.sql): reads one stock's day, and writes the changes of
/// many stocks in one transaction as upserts: on MariaDB multi-row statements (a round trip each), on SQLite one
/// prepared one-row statement per table run for every row (in-process: no round trips, and SQLite looks each named
/// parameter up among all of a statement's, so a statement of thousands of parameters costs their square). A day never
/// goes back and a candle never loses volume, so a stale write (an older activation's) changes nothing.
/// </summary>
public sealed partial class StockTables(StorageSettings settings)
{
    private const int RowsPerStatement = 500;
    private static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    // Guards name the incoming row new.X and the stored one old.X; each dialect spells them its own way.
    private static readonly Table Days = new("GsltsStockDay",
        ["Code", "TradingDate", "Price", "BasePrice", "Open", "High", "Low", "Volume", "TradingValue", "TickCount", "LastSequence", "LastTradeTime",
         "MissedVolume", "BuyVolume", "SellVolume"],
        Keys: 1, "new.TradingDate > old.TradingDate OR (new.TradingDate = old.TradingDate AND new.Volume >= old.Volume)", ["Volume", "TradingDate"]);
    private static readonly Table Listings = new("GsltsStockListing", ["Code", "Name", "Market", "Sector", "PreviousClose"], Keys: 1, null, []);
    private static readonly Table Candles = new("GsltsMinuteCandle",
        ["Code", "TradingDate", "Minute", "Open", "High", "Low", "Close", "Volume", "TradingValue"], Keys: 3, "new.Volume >= old.Volume", ["Volume"]);

    private readonly ConcurrentDictionary<(string Table, int Rows), string> texts = new();

    public async Task<StoredStockDay> ReadAsync(string code, CancellationToken cancellationToken)
    {
        await using var connection = settings.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        StockDayState day;
        await using (var command = Command(connection, null,
            "SELECT d.TradingDate, d.Price, d.BasePrice, d.Open, d.High, d.Low, d.Volume, d.TradingValue, d.TickCount, d.LastSequence, d.LastTradeTime, " +
            "d.MissedVolume, d.BuyVolume, d.SellVolume, l.Name, l.Market, l.Sector, l.PreviousClose " +
            "FROM GsltsStockDay d LEFT JOIN GsltsStockListing l ON l.Code = d.Code WHERE d.Code = @p0", code))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return StoredStockDay.Empty;
            day = new StockDayState
            {
                TradingDate = DateOf(reader.GetInt32(0)), Price = reader.GetInt64(1), BasePrice = reader.GetInt64(2), Open = reader.GetInt64(3),
                High = reader.GetInt64(4), Low = reader.GetInt64(5), Volume = reader.GetInt64(6), TradingValue = reader.GetInt64(7),
                TickCount = reader.GetInt64(8), LastSequence = reader.GetInt64(9),
                LastTradeTime = reader.IsDBNull(10) ? null : new DateTimeOffset(reader.GetInt64(10), TimeSpan.Zero).ToOffset(Kst),
                MissedVolume = reader.GetInt64(11), BuyVolume = reader.GetInt64(12), SellVolume = reader.GetInt64(13),
                Listing = reader.IsDBNull(14) ? null : new StockListing(code, reader.GetString(14), reader.GetString(15), reader.GetString(16), reader.GetInt64(17)),
            };
        }

        var candles = new List<Candle>();
        var midnight = new DateTimeOffset(day.TradingDate.ToDateTime(TimeOnly.MinValue), Kst);
        await using (var command = Command(connection, null,
            "SELECT Minute, Open, High, Low, Close, Volume, TradingValue FROM GsltsMinuteCandle WHERE Code = @p0 AND TradingDate = @p1 ORDER BY Minute",
            code, Number(day.TradingDate)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                candles.Add(new Candle(midnight.AddMinutes(reader.GetInt32(0)), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3),
                    reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
            }
        }

        return new StoredStockDay(day, candles);
    }

    /// <summary>Writes all of <paramref name="writes"/> in one transaction: all of them are stored, or (it throws) none.</summary>
    public async Task<WriteTotals> WriteAsync(IReadOnlyList<StockDayWrite> writes, CancellationToken cancellationToken)
    {
        await using var connection = settings.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        // Read committed: InnoDB then locks the rows written, not the gaps beside them another silo's stocks write into.
        await using var transaction = settings.Provider == StorageProvider.MariaDb
            ? await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken)
            : await connection.BeginTransactionAsync(cancellationToken);
        var totals = new WriteTotals();
        foreach (var day in writes.Where(w => w.DayStarted).GroupBy(w => w.Day.TradingDate))
        {
            foreach (var chunk in day.Select(w => w.Code).Distinct().Chunk(RowsPerStatement))
            {
                var codes = string.Join(", ", chunk.Select((_, i) => $"@p{i + 1}"));
                object?[] values = [Number(day.Key), .. chunk];
                totals += await ExecuteAsync(connection, transaction, $"DELETE FROM {Candles.Name} WHERE TradingDate < @p0 AND Code IN ({codes})", values, 0,
                    cancellationToken);
            }
        }

        totals += await UpsertAsync(connection, transaction, Listings, writes.Where(w => w.ListingChanged && w.Day.Listing is not null).Select(ListingRow), cancellationToken);
        totals += await UpsertAsync(connection, transaction, Candles, writes.SelectMany(w => w.Candles.Select(c => CandleRow(w, c))), cancellationToken);
        totals += await UpsertAsync(connection, transaction, Days, writes.Select(DayRow), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return totals;
    }

    private async Task<WriteTotals> UpsertAsync(DbConnection connection, DbTransaction transaction, Table table, IEnumerable<object?[]> rows,
        CancellationToken cancellationToken)
    {
        if (settings.Provider == StorageProvider.Sqlite) return await UpsertEachAsync(connection, transaction, table, rows, cancellationToken);
        var totals = new WriteTotals();
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var text = texts.GetOrAdd((table.Name, chunk.Length), key => UpsertText(table, key.Rows));
            totals += await ExecuteAsync(connection, transaction, text, [.. chunk.SelectMany(r => r)], chunk.Length, cancellationToken);
        }

        return totals;
    }

    private async Task<WriteTotals> UpsertEachAsync(DbConnection connection, DbTransaction transaction, Table table, IEnumerable<object?[]> rows,
        CancellationToken cancellationToken)
    {
        var text = texts.GetOrAdd((table.Name, 1), key => UpsertText(table, key.Rows));
        await using var command = Command(connection, transaction, text, new object?[table.Columns.Length]);
        var totals = new WriteTotals();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++) command.Parameters[i].Value = row[i] ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
            totals += new WriteTotals(1, 1, (totals.Statements == 0 ? Encoding.UTF8.GetByteCount(text) : 0) + row.Sum(SizeOf));
        }

        return totals;
    }

    private static async Task<WriteTotals> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, object?[] values, int rows,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new WriteTotals(1, rows, Encoding.UTF8.GetByteCount(sql) + values.Sum(SizeOf));
    }

    private string UpsertText(Table table, int rows)
    {
        var columns = table.Columns;
        var text = new StringBuilder($"INSERT INTO {table.Name} ({string.Join(", ", columns)}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (").AppendJoin(", ", columns.Select((_, c) => $"@p{r * columns.Length + c}")).Append(')');
        }

        // MariaDB assigns in order and later assignments see earlier ones: the columns the guard reads go last.
        var updated = columns.Skip(table.Keys).Where(c => !table.GuardColumns.Contains(c)).Concat(table.GuardColumns).ToArray();
        if (settings.Provider == StorageProvider.Sqlite)
        {
            text.Append($" ON CONFLICT ({string.Join(", ", columns.Take(table.Keys))}) DO UPDATE SET ")
                .AppendJoin(", ", updated.Select(c => $"{c} = excluded.{c}"));
            if (table.Guard is { } guard) text.Append(" WHERE ").Append(Spell(guard, "excluded.$1", $"{table.Name}.$1"));
        }
        else
        {
            var guard = table.Guard is null ? null : Spell(table.Guard, "VALUES($1)", "$1");
            text.Append(" ON DUPLICATE KEY UPDATE ")
                .AppendJoin(", ", updated.Select(c => guard is null ? $"{c} = VALUES({c})" : $"{c} = IF({guard}, VALUES({c}), {c})"));
        }

        return text.ToString();
    }

    private static string Spell(string guard, string incoming, string stored) =>
        OldColumn().Replace(NewColumn().Replace(guard, incoming), stored);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        (command.CommandText, command.Transaction) = (sql, transaction);
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ($"@p{i}", values[i] ?? DBNull.Value);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static object?[] DayRow(StockDayWrite write)
    {
        var d = write.Day;
        return [write.Code, Number(d.TradingDate), d.Price, d.BasePrice, d.Open, d.High, d.Low, d.Volume, d.TradingValue, d.TickCount, d.LastSequence,
            d.LastTradeTime?.UtcTicks, d.MissedVolume, d.BuyVolume, d.SellVolume];
    }

    private static object?[] ListingRow(StockDayWrite write)
    {
        var l = write.Day.Listing!;
        return [write.Code, l.Name, l.Market, l.Sector, l.PreviousClose];
    }

    private static object?[] CandleRow(StockDayWrite write, Candle c)
    {
        var minute = (int)(c.Start.ToOffset(Kst) - new DateTimeOffset(write.Day.TradingDate.ToDateTime(TimeOnly.MinValue), Kst)).TotalMinutes;
        return [write.Code, Number(write.Day.TradingDate), minute, c.Open, c.High, c.Low, c.Close, c.Volume, c.TradingValue];
    }

    private static int Number(DateOnly date) => date.Year * 10_000 + date.Month * 100 + date.Day;

    private static DateOnly DateOf(int number) => new(number / 10_000, number / 100 % 100, number % 100);

    private static long SizeOf(object? value) => value switch
    {
        string s => Encoding.UTF8.GetByteCount(s),
        int => 4,
        long => 8,
        _ => 1,
    };

    [GeneratedRegex(@"\bnew\.(\w+)")]
    private static partial Regex NewColumn();

    [GeneratedRegex(@"\bold\.(\w+)")]
    private static partial Regex OldColumn();

    private sealed record Table(string Name, string[] Columns, int Keys, string? Guard, string[] GuardColumns);
}

/// <summary>What a write sent: statements, rows upserted, and bytes of SQL text and values (not the protocol's framing).</summary>
public readonly record struct WriteTotals(int Statements, long Rows, long Bytes)
{
    public static WriteTotals operator +(WriteTotals a, WriteTotals b) => new(a.Statements + b.Statements, a.Rows + b.Rows, a.Bytes + b.Bytes);
}

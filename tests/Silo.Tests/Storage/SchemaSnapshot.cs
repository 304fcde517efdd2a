using System.Data.Common;
using Gslts.Silo.Storage;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Gslts.Silo.Tests.Storage;

/// <summary>
/// What a database's schema is, one line per fact: tables, their columns, indexes, stored procedures, the rows of each
/// table and the Orleans query texts. Two snapshots are equal exactly when nothing of that changed.
/// </summary>
internal static class SchemaSnapshot
{
    public static async Task<string[]> ReadAsync(StorageSettings settings)
    {
        await using DbConnection connection = settings.Provider == StorageProvider.Sqlite
            ? new SqliteConnection(settings.ConnectionString)
            : new MySqlConnection(settings.ConnectionString);
        await connection.OpenAsync();
        var facts = settings.Provider == StorageProvider.Sqlite ? await SqliteAsync(connection) : await MariaDbAsync(connection);
        var tables = facts.Where(f => f.StartsWith("table ", StringComparison.Ordinal)).Select(f => f.Split(' ')[1]).Distinct().ToArray();
        foreach (var table in tables) facts.AddRange(await LinesAsync(connection, $"SELECT 'rows {table}', COUNT(*) FROM {table}"));
        facts.AddRange(await LinesAsync(connection, "SELECT 'query', QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey"));
        return [.. facts];
    }

    private static async Task<List<string>> SqliteAsync(DbConnection connection)
    {
        var facts = await LinesAsync(connection,
            "SELECT type, name, tbl_name, IFNULL(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
        var tables = await LinesAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        foreach (var table in tables)
        {
            facts.AddRange(await LinesAsync(connection, $"SELECT 'column {table}', cid, name, type, \"notnull\", IFNULL(dflt_value, ''), pk FROM pragma_table_info('{table}')"));
            facts.AddRange(await LinesAsync(connection, $"SELECT 'index {table}', name, \"unique\", origin, partial FROM pragma_index_list('{table}') ORDER BY name"));
        }

        return facts;
    }

    private static async Task<List<string>> MariaDbAsync(DbConnection connection)
    {
        var facts = await LinesAsync(connection,
            "SELECT 'table', TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME");
        facts.AddRange(await LinesAsync(connection,
            "SELECT 'column', TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, IFNULL(COLUMN_DEFAULT, ''), COLUMN_KEY, EXTRA " +
            "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION"));
        facts.AddRange(await LinesAsync(connection,
            "SELECT 'index', TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS " +
            "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX"));
        facts.AddRange(await LinesAsync(connection,
            "SELECT 'routine', ROUTINE_TYPE, ROUTINE_NAME, ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY ROUTINE_NAME"));
        return facts;
    }

    private static async Task<List<string>> LinesAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return lines;
    }
}

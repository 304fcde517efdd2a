using System.Data.Common;
using System.Reflection;
using Gslts.Silo.Configuration;

namespace Gslts.Silo.Storage;

/// <summary>
/// Creates the tables and Orleans queries the storage needs, from the project's own SQL (embedded under Sql/).
/// Idempotent: tables are created if missing and every query text is replaced by the current one.
/// </summary>
public static class DatabaseSchema
{
    private const string StatementSeparator = "GO";

    public static async Task EnsureCreatedAsync(StorageSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(settings, cancellationToken);
        var folder = $"Sql/{settings.Provider}/";
        foreach (var statement in Statements(Read(folder + "schema.sql")))
        {
            await ExecuteAsync(connection, statement, cancellationToken);
        }

        var upsert = settings.Provider == StorageProvider.Sqlite
            ? "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText"
            : "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text) ON DUPLICATE KEY UPDATE QueryText = VALUES(QueryText)";
        foreach (var resource in Resources(folder + "Queries/"))
        {
            await ExecuteAsync(connection, upsert, cancellationToken,
                ("key", Path.GetFileNameWithoutExtension(resource)), ("text", Read(resource)));
        }
    }

    /// <summary>True when the database answers <c>SELECT 1</c>.</summary>
    public static async Task<bool> CanConnectAsync(StorageSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = settings.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)) == 1;
    }

    private static async Task<DbConnection> OpenAsync(StorageSettings settings, CancellationToken cancellationToken)
    {
        var connection = settings.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (DbException e)
        {
            await connection.DisposeAsync();
            throw new GsltsConfigurationException(StorageSettings.ConnectionStringKey,
                $"Cannot open the {settings.Provider} database: {e.Message}", e);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, string Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IEnumerable<string> Statements(string script) =>
        script.ReplaceLineEndings("\n")
            .Split($"\n{StatementSeparator}\n")
            .Select(s => s.Trim())
            .Where(s => s.Length > 0);

    private static IEnumerable<string> Resources(string prefix) =>
        typeof(DatabaseSchema).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order();

    private static string Read(string resource)
    {
        using var stream = typeof(DatabaseSchema).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded SQL '{resource}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

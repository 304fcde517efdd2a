using Gslts.Silo.Configuration;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Gslts.Silo.Storage;

public enum StorageProvider
{
    Sqlite,
    MariaDb,
}

/// <summary>Where grain state, reminders and (on MariaDB) cluster membership live.</summary>
public sealed record StorageSettings(StorageProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Gslts:Storage:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Gslts";

    /// <summary>The Orleans ADO.NET invariant: Orleans maps "System.Data.SQLite" to Microsoft.Data.Sqlite.</summary>
    public string Invariant => Provider == StorageProvider.Sqlite ? "System.Data.SQLite" : "MySql.Data.MySqlConnector";

    /// <summary>Reads the provider and connection string; relative SQLite paths resolve against <paramref name="workingDirectory"/>.</summary>
    public static StorageSettings From(IConfiguration configuration, string workingDirectory)
    {
        var providerText = configuration[ProviderKey];
        var provider = StorageProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new GsltsConfigurationException(ProviderKey,
                $"Unknown storage provider '{providerText}'; use {string.Join(" or ", Enum.GetNames<StorageProvider>())}.");
        }

        var connectionString = configuration[ConnectionStringKey];
        return provider == StorageProvider.Sqlite
            ? new(provider, SqliteConnection(connectionString, workingDirectory))
            : new(provider, MariaDbConnection(connectionString));
    }

    private static string SqliteConnection(string? connectionString, string workingDirectory)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? "Data Source=data/gslts.db" : connectionString);
        }
        catch (ArgumentException e)
        {
            throw new GsltsConfigurationException(ConnectionStringKey, $"Not a valid SQLite connection string: {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new GsltsConfigurationException(ConnectionStringKey, "The SQLite connection string names no Data Source file.");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, workingDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        builder.Pooling = true;
        return builder.ToString();
    }

    private static string MariaDbConnection(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new GsltsConfigurationException(ConnectionStringKey,
                "Storage provider MariaDb needs a connection string, e.g. Server=127.0.0.1;Database=gslts;User ID=gslts;Password=....");
        }

        try
        {
            var builder = new MySqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Server) || string.IsNullOrWhiteSpace(builder.Database))
            {
                throw new GsltsConfigurationException(ConnectionStringKey, "The MariaDB connection string needs a Server and a Database.");
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException e)
        {
            throw new GsltsConfigurationException(ConnectionStringKey, $"Not a valid MariaDB connection string: {e.Message}");
        }
    }
}

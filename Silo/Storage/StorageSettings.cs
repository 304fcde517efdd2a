using System.Data.Common;
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
    public const string WriteIntervalKey = "Gslts:Storage:WriteInterval";
    private static readonly TimeSpan ShortestWriteInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestWriteInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the silo's stock store commits at most (all its stock grains' changes since the last commit in one
    /// transaction). Shorter: the feed's journal holds less; longer: fewer transactions.
    /// </summary>
    public TimeSpan WriteInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The Orleans ADO.NET invariant: Orleans maps "System.Data.SQLite" to Microsoft.Data.Sqlite.</summary>
    public string Invariant => Provider == StorageProvider.Sqlite ? "System.Data.SQLite" : "MySql.Data.MySqlConnector";

    public DbConnection CreateConnection() => Provider == StorageProvider.Sqlite ? new SqliteConnection(ConnectionString) : new MySqlConnection(ConnectionString);

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
        var settings = provider == StorageProvider.Sqlite
            ? new StorageSettings(provider, SqliteConnection(connectionString, workingDirectory))
            : new StorageSettings(provider, MariaDbConnection(connectionString));
        return configuration[WriteIntervalKey] is { Length: > 0 } interval ? settings with { WriteInterval = ParseWriteInterval(interval) } : settings;
    }

    private static TimeSpan ParseWriteInterval(string text)
    {
        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var interval)
            || interval < ShortestWriteInterval || interval > LongestWriteInterval)
        {
            throw new GsltsConfigurationException(WriteIntervalKey,
                $"'{text}' is not a write interval between {ShortestWriteInterval} and {LongestWriteInterval} (e.g. 00:00:01).");
        }

        return interval;
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

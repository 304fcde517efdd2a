namespace Gslts.Silo.Tests;

/// <summary>A test against a real MariaDB server: runs when GSLTS_MARIADB holds a connection string, else skips saying so.</summary>
public sealed class MariaDbFactAttribute : FactAttribute
{
    public const string Variable = "GSLTS_MARIADB";

    public MariaDbFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"{Variable} is not set (a MariaDB connection string; .ci/run sets it).";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}

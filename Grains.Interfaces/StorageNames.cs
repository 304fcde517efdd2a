namespace Gslts.Grains.Interfaces;

/// <summary>Names of the grain storage providers grains ask for.</summary>
public static class StorageNames
{
    /// <summary>Durable grain state (ADO.NET on SQLite or MariaDB).</summary>
    public const string Market = "market";
}

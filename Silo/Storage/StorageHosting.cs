using Gslts.Grains.Interfaces;
using Gslts.Grains.Stocks;
using Orleans.Configuration;

namespace Gslts.Silo.Storage;

public static class StorageHosting
{
    public const string ClusterId = "gslts";
    public const string ServiceId = "gslts";

    /// <summary>
    /// ADO.NET grain storage (named "market" and default) and reminders on the configured database, and the silo's
    /// stock store (stock grains' days and minute candles, batched per silo) on the same database.
    /// </summary>
    public static ISiloBuilder AddGsltsStorage(this ISiloBuilder builder, StorageSettings settings)
    {
        void Configure(AdoNetGrainStorageOptions options)
        {
            options.Invariant = settings.Invariant;
            options.ConnectionString = settings.ConnectionString;
        }

        return builder
            .ConfigureServices(services => services.AddSingleton<IStockStore>(sp =>
                new BatchedStockStore(settings, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BatchedStockStore>>())))
            .AddAdoNetGrainStorage(StorageNames.Market, Configure)
            .AddAdoNetGrainStorageAsDefault(Configure)
            .UseAdoNetReminderService(options =>
            {
                options.Invariant = settings.Invariant;
                options.ConnectionString = settings.ConnectionString;
            });
    }

    /// <summary>
    /// SQLite: localhost clustering, because the embedded default is one process and a SQLite file is no membership
    /// table for several hosts. MariaDB: ADO.NET clustering, so several silos form one cluster.
    /// </summary>
    public static ISiloBuilder UseGsltsClustering(this ISiloBuilder builder, StorageSettings settings, int siloPort, int gatewayPort)
    {
        if (settings.Provider == StorageProvider.Sqlite)
        {
            return builder.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ServiceId, clusterId: ClusterId);
        }

        return builder
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (ClusterId, ServiceId))
            .ConfigureEndpoints(siloPort, gatewayPort)
            .UseAdoNetClustering(options =>
            {
                options.Invariant = settings.Invariant;
                options.ConnectionString = settings.ConnectionString;
            });
    }

    public static IClientBuilder UseGsltsClustering(this IClientBuilder builder, StorageSettings settings, int gatewayPort)
    {
        if (settings.Provider == StorageProvider.Sqlite)
        {
            return builder.UseLocalhostClustering(gatewayPort, serviceId: ServiceId, clusterId: ClusterId);
        }

        return builder
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (ClusterId, ServiceId))
            .UseAdoNetClustering(options =>
            {
                options.Invariant = settings.Invariant;
                options.ConnectionString = settings.ConnectionString;
            });
    }
}

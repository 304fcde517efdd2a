using Gslts.Grains.Interfaces.Streams;
using Gslts.Silo.Configuration;
using Gslts.Silo.Storage;
using Orleans.Dashboard;

namespace Gslts.Silo.Hosting;

public static class OrleansHosting
{
    /// <summary>A silo when the silo role is on; otherwise a cluster client for the web and bridge roles.</summary>
    public static WebApplicationBuilder AddGsltsOrleans(
        this WebApplicationBuilder builder, GsltsRoles roles, StorageSettings storage, ClusterSettings cluster)
    {
        if (roles.Silo)
        {
            builder.UseOrleans(silo => silo
                .UseGsltsClustering(storage, cluster.SiloPort, cluster.GatewayPort)
                .AddGsltsStorage(storage)
                .AddMemoryGrainStorage(StreamNames.PubSubStore)
                .AddMemoryStreams(StreamNames.Provider)
                .AddDashboard());
        }
        else if (roles.NeedsClusterClient)
        {
            builder.UseOrleansClient(client => client
                .UseGsltsClustering(storage, cluster.GatewayPort)
                .AddMemoryStreams(StreamNames.Provider)
                .AddDashboard());
        }

        return builder;
    }
}

using Gslts.Grains.Interfaces.Streams;
using Gslts.Silo.Configuration;
using Gslts.Silo.Storage;
using Orleans.Dashboard;

namespace Gslts.Silo.Hosting;

public static class OrleansHosting
{
    public static readonly TimeSpan StreamPollPeriod = TimeSpan.FromMilliseconds(20);

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
                // The market's pushes wait for the queue's next poll: 20 ms instead of Orleans' 100 ms default, for tick to screen.
                .AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePullingAgent(agent =>
                    agent.Configure(o => o.GetQueueMsgsTimerPeriod = StreamPollPeriod)))
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

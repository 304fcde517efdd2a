using Gslts.Grains.Interfaces;
using Gslts.Grains.Interfaces.Accounts;
using Gslts.Grains.Interfaces.Streams;
using Gslts.Grains.Sectors;
using Gslts.Grains.Stocks;
using Gslts.Grains.Tests.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Gslts.Grains.Tests;

/// <summary>One in-memory test cluster (memory storage and streams, a clock tests can move ahead) shared by the grain tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .AddClientBuilderConfigurator<ClientConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public IClusterClient Client => Cluster.Client;

    /// <summary>The silo's clock: the wall clock, which a test can move ahead (its timers run in real time).</summary>
    public TestClock Clock => SiloService<TestClock>();

    /// <summary>A service of the (in-process) primary silo.</summary>
    public T SiloService<T>() where T : notnull =>
        ((InProcessSiloHandle)(Cluster.Primary ?? throw new InvalidOperationException("the cluster is not deployed"))).SiloHost.Services.GetRequiredService<T>();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        private const string MemoryMarket = "memory-market";

        public void Configure(ISiloBuilder siloBuilder) => siloBuilder
            .AddMemoryGrainStorage(MemoryMarket)
            .AddMemoryGrainStorageAsDefault()
            .UseInMemoryReminderService()
            .AddMemoryGrainStorage(StreamNames.PubSubStore)
            .AddMemoryStreams(StreamNames.Provider)
            .ConfigureServices(services => services
                .AddSingleton<TestClock>()
                .AddSingleton<TimeProvider>(sp => sp.GetRequiredService<TestClock>())
                .AddSingleton<ReportGate>()
                .AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<ReportGate>())
                .AddSingleton<IBroker, ScriptedBroker>()
                .AddSingleton<StorageGate>()
                .AddSingleton<MemoryStockStore>()
                .AddSingleton<IStockStore>(sp => sp.GetRequiredService<MemoryStockStore>())
                .AddSectorMap(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Gslts:Strategy:WaitForData"] = "00:00:00" }).Build())
                .AddKeyedSingleton<IGrainStorage>(StorageNames.Market, (sp, _) =>
                    new GatedStorage(sp.GetRequiredKeyedService<IGrainStorage>(MemoryMarket), sp.GetRequiredService<StorageGate>())));
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(StreamNames.Provider);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

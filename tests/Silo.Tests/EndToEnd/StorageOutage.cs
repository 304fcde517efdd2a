using Gslts.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Gslts.Silo.Tests.EndToEnd;

/// <summary>
/// The product's market storage (whatever the provider) behind a switch: while the outage is on, every write of a stock
/// grain fails as a database that went away would; reads and other grains go on.
/// </summary>
internal sealed class StorageOutage
{
    private volatile bool on;
    private int failedWrites;

    public int FailedWrites => Volatile.Read(ref failedWrites);

    public void Begin() => on = true;

    public void End() => on = false;

    /// <summary>Wraps the registered market storage (call on the product's builder, after its silo is configured).</summary>
    public void Install(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, StorageNames.Market));
        var create = registered.KeyedImplementationFactory ?? throw new InvalidOperationException("the market storage is not built by a factory");
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Market, (sp, key) => new Switched((IGrainStorage)create(sp, key), this));
    }

    private bool Fails(GrainId grainId)
    {
        if (!on || grainId.Type.ToString() != "stock") return false;
        Interlocked.Increment(ref failedWrites);
        return true;
    }

    /// <summary>Also the silo's lifecycle participant the provider registered itself as (it opens its database there).</summary>
    private sealed class Switched(IGrainStorage inner, StorageOutage outage) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            outage.Fails(grainId)
                ? Task.FromException(new TimeoutException($"storage is away: {stateName} of {grainId} not written"))
                : inner.WriteStateAsync(stateName, grainId, grainState);

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
    }
}
